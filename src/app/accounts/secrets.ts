/**
 * @module accounts/secrets
 * Session and API-token secrets: 256 random bits, base64url, with a prefix that says what they are
 * (`cls_` session, `clt_` token) so a leaked one is recognisable in logs and secret scanners. Only
 * the sha256 of a secret is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

export type SecretKind = 'session' | 'token' | 'csrf';
const PREFIX: Readonly<Record<SecretKind, string>> = { session: 'cls_', token: 'clt_', csrf: '' };

export function newSecret(kind: SecretKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
