/**
 * @module server/routes/account-routes
 * Sign-up, sign-in, sign-out, the caller's own account, and API tokens.
 */
import type { FastifyInstance } from 'fastify';
import type { ResponseOf } from '../../api/contract.js';
import type { Caller } from '../auth.js';
import type { Membership, TokenRow } from '../../app/accounts/account-store.js';
import { createToken, signIn, signOut, signUp } from '../../app/accounts/accounts.js';
import { AppError } from '../../app/app-error.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { clearSessionCookies, setSessionCookies, visibleMemberships } from '../auth.js';
import { mount } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

export const membershipView = (m: Membership): ResponseOf<'me'>['memberships'][number] =>
  ({ org: m.organisation.slug, name: m.organisation.name, role: m.role, business_units: [...m.businessUnits] });

const tokenView = (t: TokenRow): ResponseOf<'listTokens'>['tokens'][number] => ({
  id: t.tokenId, name: t.name, org: t.org, scopes: [...t.scopes], created_at: t.createdAt, last_used_at: t.lastUsedAt, revoked_at: t.revokedAt,
});

const meOf = async (accounts: SqlAccountStore, userId: number, email: string, name: string): Promise<ResponseOf<'me'>> =>
  ({ user: { id: userId, email, name }, memberships: (await accounts.memberships(userId)).map(membershipView) });

const signedIn = (caller: Caller | null): Caller => {
  if (caller === null) throw new AppError('unauthenticated', 'sign in first');
  return caller;
};

export function accountRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const accounts = new SqlAccountStore(deps.db);
  const now = deps.now ?? (() => new Date());
  const secure = deps.secureCookies === true;

  mount(app, deps, 'signUp', async ({ body, reply }) => {
    const s = await signUp(accounts, deps.hasher, body, now());
    setSessionCookies(reply, s, secure);
    return meOf(accounts, s.user.userId, s.user.email, s.user.name);
  }, {
    // Each sign-up costs an argon2id hash (64 MiB): limited per client address.
    rateLimit: { max: deps.signUpLimit ?? 20, timeWindow: '1 hour', keyGenerator: (req) => req.ip },
  });
  mount(app, deps, 'signIn', async ({ body, reply }) => {
    const s = await signIn(accounts, deps.hasher, body, now());
    setSessionCookies(reply, s, secure);
    return meOf(accounts, s.user.userId, s.user.email, s.user.name);
  }, {
    // Per client and e-mail address, counted before the password is checked.
    rateLimit: {
      max: deps.signInLimit ?? 10, timeWindow: '1 minute',
      keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    },
  });
  mount(app, deps, 'signOut', async ({ caller, reply }) => {
    const c = signedIn(caller);
    if (c.sessionSecret !== null) await signOut(accounts, c.sessionSecret);
    clearSessionCookies(reply);
    return { ok: true as const };
  });
  mount(app, deps, 'me', async ({ caller }) => {
    const c = signedIn(caller);
    return { user: { id: c.user.userId, email: c.user.email, name: c.user.name }, memberships: visibleMemberships(c).map(membershipView) };
  });
  mount(app, deps, 'listTokens', async ({ caller }) => ({ tokens: (await accounts.listTokens(signedIn(caller).user.userId)).map(tokenView) }));
  mount(app, deps, 'createToken', async ({ caller, body }) => {
    const c = signedIn(caller);
    const t = await createToken(accounts, c.user.userId, body, c.memberships);
    return { ...tokenView(t), token: t.secret };
  });
  mount(app, deps, 'revokeToken', async ({ caller, params }) => {
    if (!(await accounts.revokeToken(signedIn(caller).user.userId, params.id))) throw new AppError('not_found', `you have no token ${params.id}`);
    return { ok: true as const };
  });
}
