/**
 * @module db/sql-tx-stores
 * The stores over one connection or transaction (all but the import store, which runs its own
 * transaction per batch and hands these to the batch's work).
 */
import type { TxStores } from '../app/ledger/ledger-ports.js';
import type { Queryable } from './database.js';
import { SqlAuditStore } from './sql-audit-store.js';
import { recordTrace, SqlCalcStore } from './sql-calc-store.js';
import { SqlOrgStore } from './sql-org-store.js';
import { SqlReportStore } from './sql-report-store.js';

export function sqlTxStores(db: Queryable): TxStores {
  return {
    org: new SqlOrgStore(db),
    calc: new SqlCalcStore(db),
    report: new SqlReportStore(db),
    audit: new SqlAuditStore(db),
    recordTrace: (recordId, orgSlug, versionId) => recordTrace(db, recordId, orgSlug, versionId),
  };
}
