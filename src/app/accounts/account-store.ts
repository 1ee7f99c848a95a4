/**
 * @module accounts/account-store
 * What the account use cases need from storage: users, sessions, API tokens and memberships.
 * Secrets are never stored, only their sha256 (src/app/accounts/secrets.ts).
 */
import type { Role, TokenScope } from '../access/permissions.js';
import type { Organisation } from '../ledger/model.js';

export interface User {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
}

/** A user's place in an organisation, with the organisation as it is (read with the membership). */
export interface Membership {
  readonly organisation: Organisation;
  readonly role: Role;
  readonly businessUnits: readonly string[];
}

export interface Member {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly businessUnits: readonly string[];
}

export interface SessionRow {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface TokenRow {
  readonly tokenId: number;
  readonly userId: number;
  readonly name: string;
  readonly orgId: number | null;
  readonly org: string | null;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface AccountStore {
  createUser(email: string, name: string, passwordHash: string): Promise<User>;
  findUserByEmail(email: string): Promise<(User & { readonly passwordHash: string }) | null>;
  findUser(userId: number): Promise<User | null>;

  createSession(hash: string, userId: number, csrfToken: string, expiresAt: Date): Promise<void>;
  /** The session with this hash, if it has not expired. */
  findSession(hash: string): Promise<SessionRow | null>;
  deleteSession(hash: string): Promise<void>;

  createToken(userId: number, name: string, orgId: number | null, scopes: readonly TokenScope[], hash: string): Promise<TokenRow>;
  /** A token that is not revoked; its last use is recorded. */
  useToken(hash: string): Promise<TokenRow | null>;
  listTokens(userId: number): Promise<TokenRow[]>;
  /** Revokes the user's own token; false when the user has no such token. */
  revokeToken(userId: number, tokenId: number): Promise<boolean>;

  memberships(userId: number): Promise<Membership[]>;
  setMembership(orgId: number, userId: number, role: Role, businessUnits: readonly string[]): Promise<void>;
  listMembers(orgId: number): Promise<Member[]>;
}
