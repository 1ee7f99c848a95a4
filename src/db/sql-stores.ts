/**
 * @module db/sql-stores
 * The SQL implementations of the application's stores over one connection or transaction.
 */
import type { Queryable } from './database.js';
import { SqlCalcStore } from './sql-calc-store.js';
import { SqlOrgStore } from './sql-org-store.js';
import { SqlReportStore } from './sql-report-store.js';

export function sqlStores(db: Queryable): { org: SqlOrgStore; calc: SqlCalcStore; report: SqlReportStore } {
  return { org: new SqlOrgStore(db), calc: new SqlCalcStore(db), report: new SqlReportStore(db) };
}
