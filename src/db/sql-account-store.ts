/**
 * @module db/sql-account-store
 * AccountStore over users, sessions, api_tokens and memberships (migrations/0005). These tables
 * are not tenant tables: the API reads them as the owner to find out who is calling, before it
 * enters an organisation's row-level-security scope.
 */
import type { Role, TokenScope } from '../app/access/permissions.js';
import type { AccountStore, Member, Membership, SessionRow, TokenRow, User } from '../app/accounts/account-store.js';
import type { Queryable } from './database.js';
import { ORG_COLUMNS, toOrg, type OrgRow } from './sql-org-store.js';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

interface TokenSqlRow extends Record<string, unknown> {
  token_id: number; user_id: number; name: string; org_id: number | null; slug: string | null; scopes: string[];
  created_at: unknown; last_used_at: unknown; revoked_at: unknown;
}

const TOKEN_COLUMNS = `t.token_id, t.user_id, t.name, t.org_id, o.slug, t.scopes, t.created_at, t.last_used_at, t.revoked_at`;

const toToken = (r: TokenSqlRow): TokenRow => ({
  tokenId: Number(r.token_id), userId: Number(r.user_id), name: r.name, orgId: r.org_id === null ? null : Number(r.org_id), org: r.slug,
  scopes: r.scopes as TokenScope[], createdAt: iso(r.created_at), lastUsedAt: isoOrNull(r.last_used_at), revokedAt: isoOrNull(r.revoked_at),
});

export class SqlAccountStore implements AccountStore {
  constructor(private readonly db: Queryable) {}

  async createUser(email: string, name: string, passwordHash: string): Promise<User> {
    const [r] = await this.db.query<{ user_id: number }>(
      'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING user_id', [email, name, passwordHash]);
    return { userId: Number(r?.user_id), email, name };
  }

  async findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null> {
    const [r] = await this.db.query<{ user_id: number; email: string; name: string; password_hash: string }>(
      'SELECT user_id, email, name, password_hash FROM users WHERE email = $1', [email.toLowerCase()]);
    return r === undefined ? null : { userId: Number(r.user_id), email: r.email, name: r.name, passwordHash: r.password_hash };
  }

  async findUser(userId: number): Promise<User | null> {
    const [r] = await this.db.query<{ email: string; name: string }>('SELECT email, name FROM users WHERE user_id = $1', [userId]);
    return r === undefined ? null : { userId, email: r.email, name: r.name };
  }

  async createSession(hash: string, userId: number, csrfToken: string, expiresAt: Date): Promise<void> {
    await this.db.query('INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hash, userId, csrfToken, expiresAt]);
  }

  async findSession(hash: string): Promise<SessionRow | null> {
    const [r] = await this.db.query<{ user_id: number; email: string; name: string; csrf_token: string; expires_at: unknown }>(
      `SELECT s.user_id, u.email, u.name, s.csrf_token, s.expires_at FROM sessions s JOIN users u USING (user_id)
        WHERE s.session_hash = $1 AND s.expires_at > now()`, [hash]);
    return r === undefined ? null
      : { user: { userId: Number(r.user_id), email: r.email, name: r.name }, csrfToken: r.csrf_token, expiresAt: iso(r.expires_at) };
  }

  async deleteSession(hash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE session_hash = $1', [hash]);
  }

  async createToken(userId: number, name: string, orgId: number | null, scopes: readonly TokenScope[], hash: string): Promise<TokenRow> {
    const [r] = await this.db.query<{ token_id: number }>(
      'INSERT INTO api_tokens (user_id, name, org_id, scopes, token_hash) VALUES ($1, $2, $3, $4::text[], $5) RETURNING token_id',
      [userId, name, orgId, pgArray(scopes), hash]);
    const rows = await this.db.query<TokenSqlRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t LEFT JOIN organisations o USING (org_id) WHERE t.token_id = $1`, [Number(r?.token_id)]);
    return toToken(rows[0] as TokenSqlRow);
  }

  async useToken(hash: string): Promise<TokenRow | null> {
    const [hit] = await this.db.query<{ token_id: number }>(
      'UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING token_id', [hash]);
    if (hit === undefined) return null;
    const rows = await this.db.query<TokenSqlRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t LEFT JOIN organisations o USING (org_id) WHERE t.token_id = $1`, [Number(hit.token_id)]);
    return rows[0] === undefined ? null : toToken(rows[0]);
  }

  async listTokens(userId: number): Promise<TokenRow[]> {
    const rows = await this.db.query<TokenSqlRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens t LEFT JOIN organisations o USING (org_id) WHERE t.user_id = $1 ORDER BY t.token_id`, [userId]);
    return rows.map(toToken);
  }

  async revokeToken(userId: number, tokenId: number): Promise<boolean> {
    const rows = await this.db.query('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE token_id = $1 AND user_id = $2 RETURNING token_id', [tokenId, userId]);
    return rows.length > 0;
  }

  async memberships(userId: number): Promise<Membership[]> {
    const columns = ORG_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ');
    const rows = await this.db.query<OrgRow & { role: Role; business_units: string[] }>(
      `SELECT ${columns}, m.role, m.business_units FROM memberships m JOIN organisations o USING (org_id)
        WHERE m.user_id = $1 ORDER BY o.slug`, [userId]);
    return rows.map((r) => ({ organisation: toOrg(r), role: r.role, businessUnits: r.business_units }));
  }

  async setMembership(orgId: number, userId: number, role: Role, businessUnits: readonly string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO memberships (org_id, user_id, role, business_units) VALUES ($1, $2, $3, $4::text[])
       ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role, business_units = EXCLUDED.business_units`,
      [orgId, userId, role, pgArray(businessUnits)]);
  }

  async listMembers(orgId: number): Promise<Member[]> {
    const rows = await this.db.query<{ email: string; name: string; role: Role; business_units: string[] }>(
      `SELECT u.email, u.name, m.role, m.business_units FROM memberships m JOIN users u USING (user_id) WHERE m.org_id = $1 ORDER BY u.email`, [orgId]);
    return rows.map((r) => ({ email: r.email, name: r.name, role: r.role, businessUnits: r.business_units }));
  }
}

/** A text[] literal: each element double-quoted with \ and " escaped. */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
