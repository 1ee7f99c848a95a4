/**
 * @module db/sql-stores
 * The SQL implementations of the application's stores, and the ledger (stores + transactions)
 * over a database.
 */
import type { Ledger, LedgerStores, TxStores } from '../app/ledger/ledger-ports.js';
import type { Database, Queryable } from './database.js';
import { recordTrace, SqlCalcStore } from './sql-calc-store.js';
import { SqlImportStore } from './sql-import-store.js';
import { SqlOrgStore } from './sql-org-store.js';
import { SqlReportStore } from './sql-report-store.js';

/** Stores over one connection or transaction. */
export function sqlTxStores(db: Queryable): TxStores {
  return {
    org: new SqlOrgStore(db),
    calc: new SqlCalcStore(db),
    report: new SqlReportStore(db),
    recordTrace: (recordId, orgSlug) => recordTrace(db, recordId, orgSlug),
  };
}

export function sqlStores(db: Database): LedgerStores {
  return { ...sqlTxStores(db), imports: new SqlImportStore(db) };
}

export function sqlLedger(db: Database): Ledger {
  return { stores: sqlStores(db), transaction: (work) => db.transaction((tx) => work(sqlTxStores(tx))) };
}
