/**
 * @module db/sql-stores
 * The SQL implementations of the application's stores, and the ledger (stores + transactions)
 * over a database.
 */
import type { Ledger, LedgerStores } from '../app/ledger/ledger-ports.js';
import type { Database } from './database.js';
import { SqlImportStore } from './sql-import-store.js';
import { sqlTxStores } from './sql-tx-stores.js';

export function sqlStores(db: Database): LedgerStores {
  return { ...sqlTxStores(db), imports: new SqlImportStore(db) };
}

export function sqlLedger(db: Database): Ledger {
  return { stores: sqlStores(db), transaction: (work) => db.transaction((tx) => work(sqlTxStores(tx))) };
}
