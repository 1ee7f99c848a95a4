/**
 * @module server/argon2-hasher
 * Passwords hashed with argon2id (RFC 9106) by the `argon2` package (the reference C
 * implementation). Defaults: 64 MiB, 3 passes, parallelism 4 — OWASP's recommended range.
 * Tests pass a smaller memory cost; the algorithm is the same.
 */
import argon2 from 'argon2';
import type { PasswordHasher } from '../app/accounts/accounts.js';

export interface Argon2Cost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

export function argon2Hasher(cost: Argon2Cost = DEFAULT_ARGON2_COST): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, { type: argon2.argon2id, ...cost }),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}
