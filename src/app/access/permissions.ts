/**
 * @module access/permissions
 * Who may do what in an organisation. One table, read by the HTTP API before every use case and by
 * the generated role matrix test. PostgreSQL row-level security is the second wall: whatever the
 * role, a request only ever sees its own organisation's rows (migrations/0005_accounts_and_tenant_isolation.sql).
 */

export const ROLES = ['admin', 'approver', 'data_owner', 'contributor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = {
  read: 'see the organisation, its data, inventories, records and their full trace',
  import: 'import activity data (a data owner only for its own business units)',
  recalculate: 'make a new calculation version',
  manage_org: 'edit entities, ownership, sites, business units and the organisation itself',
  manage_members: 'add members and set their roles',
} as const;
export type Action = keyof typeof ACTIONS;

const GRANTS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ['read', 'import', 'recalculate', 'manage_org', 'manage_members'],
  approver: ['read', 'import', 'recalculate'],
  data_owner: ['read', 'import'],
  contributor: ['read', 'import'],
  auditor: ['read'],
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/** API token scopes narrow what the token's owner may do; they never widen it. */
export const TOKEN_SCOPES = ['read', 'import', 'calculate'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const SCOPE_OF: Readonly<Record<Action, TokenScope | null>> = {
  read: 'read',
  import: 'import',
  recalculate: 'import',
  manage_org: null,
  manage_members: null,
};

/** The scope a token needs for `action`; null: no token may (a session is required). */
export function scopeFor(action: Action): TokenScope | null {
  return SCOPE_OF[action];
}

/** Whether a token with `scopes` may perform `action` (its owner's role is checked as well). */
export function scopeAllows(scopes: readonly TokenScope[], action: Action): boolean {
  const needed = scopeFor(action);
  return needed !== null && scopes.includes(needed);
}
