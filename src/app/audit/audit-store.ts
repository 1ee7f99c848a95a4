/**
 * @module audit/audit-store
 * What the application reads of the audit log. The database writes it (migrations/0009: every
 * change to the organisation model, mappings, imports, calculation versions and memberships);
 * nothing in the application appends to it or could rewrite it. SQL implementation:
 * src/db/sql-audit-store.ts.
 */

export interface AuditEntry {
  /** 1, 2, 3… within the organisation. */
  readonly seq: number;
  /** When it was written: UTC, to the microsecond (`2026-12-01T14:54:26.420133Z`). */
  readonly at: string;
  readonly actor: string;
  /** `<table>.<insert|update|delete>`, e.g. `sites.update`. */
  readonly action: string;
  /** `{ row }`, and `{ changed: { column: { from, to } } }` for an update. */
  readonly detail: AuditDetail;
  /** The detail in PostgreSQL's jsonb text form, as hashed. */
  readonly detailText: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditDetail {
  readonly row?: Readonly<Record<string, unknown>>;
  readonly changed?: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
}

/** An entry as its hash covers it: the stored text of each field. */
export type AuditLink = Omit<AuditEntry, 'detail'>;

export interface AuditStore {
  /** Up to `limit` entries before `beforeSeq` (all, without it), newest first. */
  listEntries(orgId: number, page: { readonly beforeSeq?: number; readonly limit: number }): Promise<AuditEntry[]>;
  /** Up to `limit` entries after `afterSeq`, oldest first, as hashed: the chain a part at a time. */
  chain(orgId: number, part: { readonly afterSeq: number; readonly limit: number }): Promise<AuditLink[]>;
}
