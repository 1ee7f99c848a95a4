/**
 * @module ledger/ledger-ports
 * What the ledger's use cases need from storage, as one object: the stores over one connection,
 * and a way to run work in one transaction. The SQL implementation is src/db/sql-stores.ts; use
 * cases never see a driver.
 */
import type { AuditStore } from '../audit/audit-store.js';
import type { ImportStore } from '../import/import-store.js';
import type { OrgStore } from '../org/org-store.js';
import type { ReportStore } from '../report/report-store.js';
import type { CalcStore } from './calc-store.js';
import type { RecordTraceRow } from './explain-record.js';

export interface LedgerStores {
  readonly org: OrgStore;
  readonly imports: ImportStore;
  readonly calc: CalcStore;
  readonly report: ReportStore;
  readonly audit: AuditStore;
  recordTrace(recordId: number, orgSlug?: string, versionId?: number): Promise<RecordTraceRow | null>;
}

/** The stores inside a transaction (an import batch runs its own transaction). */
export type TxStores = Omit<LedgerStores, 'imports'>;

export interface Ledger {
  readonly stores: LedgerStores;
  /** Runs `work` in one transaction: all of it is kept, or none. */
  transaction<T>(work: (stores: TxStores) => Promise<T>): Promise<T>;
}
