/**
 * @module db/sql-audit-store
 * Reads the audit log the database writes (migrations/0009). `at` is read in the text form the
 * hash covers (audit_entry_text), and the detail as jsonb's text, so the chain can be
 * recomputed outside the database.
 */
import type { AuditDetail, AuditEntry, AuditLink, AuditStore } from '../app/audit/audit-store.js';
import type { Queryable } from './database.js';

/** The fields as hashed: the time in the text form the hash covers (migrations/0009). */
const LINK_COLUMNS = 'seq, audit_at_text(at) AS at, actor, action, detail::text AS detail_text, prev_hash, hash';

interface LinkRow {
  seq: number; at: string; actor: string; action: string; detail_text: string; prev_hash: string; hash: string;
  [column: string]: unknown;
}

export class SqlAuditStore implements AuditStore {
  constructor(private readonly db: Queryable) {}

  async listEntries(orgId: number, page: { readonly beforeSeq?: number; readonly limit: number }): Promise<AuditEntry[]> {
    const rows = await this.db.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM audit_log
       WHERE org_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
      [orgId, page.beforeSeq ?? null, page.limit]);
    return rows.map((r) => ({ ...toLink(r), detail: JSON.parse(r.detail_text) as AuditDetail }));
  }

  async chain(orgId: number, part: { readonly afterSeq: number; readonly limit: number }): Promise<AuditLink[]> {
    const rows = await this.db.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM audit_log WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [orgId, part.afterSeq, part.limit]);
    return rows.map(toLink);
  }
}

const toLink = (r: LinkRow): AuditLink => ({
  seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, detailText: r.detail_text, prevHash: r.prev_hash, hash: r.hash,
});
