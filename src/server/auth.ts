/**
 * @module server/auth
 * Who is calling and what they may do. A caller is a session (httpOnly cookie `cl_session`, with
 * CSRF protection: mutating requests must echo the `cl_csrf` cookie in `x-csrf-token`) or an API
 * token (`Authorization: Bearer clt_…`, no cookie, so no CSRF). Access to an organisation's route
 * needs a membership whose role allows the route's action and, for a token, the token's
 * organisation and scope. A non-member gets 404, as if the organisation did not exist.
 */
import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../api/contract.js';
import { can, scopeAllows } from '../app/access/permissions.js';
import type { Membership, TokenRow, User } from '../app/accounts/account-store.js';
import { sessionOf, tokenOf, type NewSession } from '../app/accounts/accounts.js';
import { SqlAccountStore } from '../db/sql-account-store.js';
import { HttpError } from './http-error.js';
import type { ServerDeps } from './server-deps.js';

export const SESSION_COOKIE = 'cl_session';
export const CSRF_COOKIE = 'cl_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Caller {
  readonly user: User;
  readonly via: 'session' | 'token';
  readonly token: TokenRow | null;
  readonly sessionSecret: string | null;
  readonly memberships: readonly Membership[];
}

/** Who the audit log names for the caller's changes: the member, and the token when one was used. */
export const actorOf = (caller: Caller): string =>
  caller.token === null ? caller.user.email : `${caller.user.email} (API token "${caller.token.name}")`;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Compares secrets in constant time for equal lengths. */
function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function callerOf(req: FastifyRequest, deps: ServerDeps): Promise<Caller | null> {
  const accounts = new SqlAccountStore(deps.db);
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (m === null) throw new HttpError('unauthenticated', 'Authorization must be "Bearer <token>"');
    const token = await tokenOf(accounts, m[1] as string);
    if (token === null) throw new HttpError('unauthenticated', 'the API token is unknown or revoked');
    const user = await accounts.findUser(token.userId);
    if (user === null) throw new HttpError('unauthenticated', 'the API token\'s account no longer exists');
    return { user, via: 'token', token, sessionSecret: null, memberships: await accounts.memberships(user.userId) };
  }
  const secret = req.cookies[SESSION_COOKIE];
  if (secret === undefined || secret === '') return null;
  const session = await sessionOf(accounts, secret);
  if (session === null) return null;
  if (MUTATING.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new HttpError('csrf', `a ${req.method} with a session cookie needs the ${CSRF_HEADER} header set to the ${CSRF_COOKIE} cookie`);
    }
  }
  const user = session.user;
  return { user, via: 'session', token: null, sessionSecret: secret, memberships: await accounts.memberships(user.userId) };
}

/** The account routes an API token may call: reading the library and who it acts for. */
export const TOKEN_ACCOUNT_ROUTES: ReadonlySet<string> = new Set(['me', 'listOrgs', 'searchFactors', 'getFactor']);

/**
 * Checks the route's access rule; returns the membership for organisation routes. A token acts
 * for its organisation only: it sees no other organisation of its owner, and cannot manage
 * tokens, accounts or organisations.
 */
export function authorise(caller: Caller | null, route: { readonly name: string; readonly access: Access }, orgSlug: string | undefined): Membership | null {
  const access = route.access;
  if (access === 'public') return null;
  if (caller === null) throw new HttpError('unauthenticated', 'sign in, or send an API token as "Authorization: Bearer <token>"');
  const token = caller.token;
  if (access === 'calculate') {
    if (token !== null && !token.scopes.includes('calculate')) throw new HttpError('forbidden', 'this API token lacks the calculate scope');
    return null;
  }
  if (access === 'user') {
    if (token !== null && !TOKEN_ACCOUNT_ROUTES.has(route.name)) throw new HttpError('forbidden', 'API tokens cannot manage accounts, tokens or organisations; sign in');
    return null;
  }
  const membership = caller.memberships.find((m) => m.organisation.slug === orgSlug);
  if (token !== null && token.org !== orgSlug) {
    // Said without telling whether the other organisation exists, or whether the owner is its member.
    const acts = token.org === null ? 'for no organisation (calculations only)' : `for organisation "${token.org}" only`;
    throw new HttpError('not_found', `this API token acts ${acts}, not "${orgSlug ?? ''}"`);
  }
  if (membership === undefined) throw new HttpError('not_found', `no organisation "${orgSlug ?? ''}" that you are a member of`);
  if (!can(membership.role, access)) throw new HttpError('forbidden', `your role (${membership.role}) does not allow this (${access})`);
  if (token !== null && !scopeAllows(token.scopes, access)) throw new HttpError('forbidden', `this API token's scopes (${token.scopes.join(', ')}) do not allow ${access}`);
  return membership;
}

/** The memberships a caller acts with: all of a session's, only its organisation's for a token. */
export function visibleMemberships(caller: Caller): readonly Membership[] {
  return caller.token === null ? caller.memberships : caller.memberships.filter((m) => m.organisation.slug === caller.token?.org);
}

export function setSessionCookies(reply: FastifyReply, s: NewSession, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure, expires: s.expiresAt };
  reply.setCookie(SESSION_COOKIE, s.secret, { ...common, httpOnly: true });
  // Readable by the page so it can echo it in x-csrf-token (double submit, checked against the session).
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
