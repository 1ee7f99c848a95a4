/**
 * @module accounts/accounts
 * Use cases: sign up, sign in, sessions, API tokens. Passwords are hashed with argon2id (the
 * `PasswordHasher` port; src/server/argon2-hasher.ts). A failed sign-in says the same thing
 * whether the address or the password was wrong, and costs the same time.
 */
import type { TokenScope } from '../access/permissions.js';
import { AppError } from '../app-error.js';
import type { AccountStore, Membership, SessionRow, TokenRow, User } from './account-store.js';
import { newSecret, secretHash } from './secrets.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export const SESSION_DAYS = 14;

export interface NewSession {
  readonly user: User;
  /** The cookie's value; only its hash is stored. */
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function signUp(store: AccountStore, hasher: PasswordHasher, input: { email: string; name: string; password: string }, now: Date): Promise<NewSession> {
  if ((await store.findUserByEmail(input.email)) !== null) throw new AppError('conflict', `email: an account for ${input.email} exists already; sign in instead`);
  const user = await store.createUser(input.email, input.name, await hasher.hash(input.password));
  return startSession(store, user, now);
}

export async function signIn(store: AccountStore, hasher: PasswordHasher, input: { email: string; password: string }, now: Date): Promise<NewSession> {
  const found = await store.findUserByEmail(input.email);
  // Verify against a real hash even for an unknown address, so timing does not reveal accounts.
  const ok = await hasher.verify(found?.passwordHash ?? (await dummyHash(hasher)), input.password);
  if (found === null || !ok) throw new AppError('unauthenticated', 'wrong e-mail address or password');
  return startSession(store, { userId: found.userId, email: found.email, name: found.name }, now);
}

let dummy: Promise<string> | null = null;
/** The hash an unknown address is checked against; made once, at start-up (`prepareSignIn`). */
const dummyHash = (hasher: PasswordHasher): Promise<string> => (dummy ??= hasher.hash(newSecret('csrf')));

/** Makes the dummy hash now, so that the first sign-in with an unknown address costs no more than any other. */
export async function prepareSignIn(hasher: PasswordHasher): Promise<void> {
  await dummyHash(hasher);
}

async function startSession(store: AccountStore, user: User, now: Date): Promise<NewSession> {
  const secret = newSecret('session');
  const csrfToken = newSecret('csrf');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.createSession(secretHash(secret), user.userId, csrfToken, expiresAt);
  return { user, secret, csrfToken, expiresAt };
}

export async function sessionOf(store: AccountStore, secret: string): Promise<SessionRow | null> {
  return store.findSession(secretHash(secret));
}

export async function signOut(store: AccountStore, secret: string): Promise<void> {
  await store.deleteSession(secretHash(secret));
}

export async function createToken(
  store: AccountStore, userId: number, input: { name: string; org: string | null; scopes: readonly TokenScope[] }, memberships: readonly Membership[],
): Promise<TokenRow & { readonly secret: string }> {
  let orgId: number | null = null;
  if (input.org !== null) {
    const m = memberships.find((x) => x.organisation.slug === input.org);
    if (m === undefined) throw new AppError('not_found', `org: you are not a member of "${input.org}"`);
    orgId = m.organisation.orgId;
  } else if (input.scopes.some((s) => s !== 'calculate')) {
    throw new AppError('invalid_input', 'scopes: a token without an organisation can only have the calculate scope');
  }
  const secret = newSecret('token');
  const row = await store.createToken(userId, input.name, orgId, [...new Set(input.scopes)], secretHash(secret));
  return { ...row, secret };
}

export async function tokenOf(store: AccountStore, secret: string): Promise<TokenRow | null> {
  return store.useToken(secretHash(secret));
}
