/**
 * @module import/import-store
 * What imports need from storage. Implemented over SQL in src/db/sql-import-store.ts. A batch is
 * written through one `BatchWriter` inside one transaction: if the callback throws, nothing of the
 * batch (its row, records, instruments, metrics, quarantined rows) remains.
 */
import type { Instrument } from '../../core/index.js';
import type { CalcResult } from '../ledger/calc-store.js';
import type { TxStores } from '../ledger/ledger-ports.js';
import type { ActivityRecordInput, ImportBatch, OrgMetric } from '../ledger/model.js';
import type { RowLabel } from './canonical-fields.js';
import type { FieldError } from './cells.js';

/** The results of records being stored, in the version whose own results are stored with its records. */
export interface RecordResults {
  readonly versionId: number;
  readonly results: readonly CalcResult[];
}

export type NewBatch = Pick<ImportBatch, 'fileName' | 'contentHash' | 'mapping' | 'kind' | 'importedBy'>;

export interface InstrumentRecordInput extends Instrument {
  readonly rowNumber: number;
}

export interface MetricRecordInput extends OrgMetric {
  readonly rowNumber: number;
}

/** A row kept apart by --quarantine: the source values by header, and why it was refused. */
export interface QuarantinedRow {
  readonly rowNumber: number;
  /** How the file numbers its rows (a spreadsheet row, an NDJSON line, a JSON array item). */
  readonly label: RowLabel;
  readonly raw: Readonly<Record<string, unknown>>;
  /** The file's columns in order (null for rows quarantined before migration 0010). */
  readonly columns: readonly string[] | null;
  readonly errors: readonly FieldError[];
  /** The source id the mapping gave the row (activities), if any. */
  readonly sourceId: string | null;
}

/**
 * A quarantined row as listed: with the first record the ledger holds under its source id, if one
 * does (imported before it, by its own batch, or since): nothing is left to fix of it.
 */
export interface ListedQuarantinedRow extends QuarantinedRow {
  readonly inLedger: { readonly batchId: number; readonly rowNumber: number } | null;
}

export interface BatchCounts {
  readonly rowsTotal: number;
  readonly rowsImported: number;
  readonly rowsQuarantined: number;
}

/** Records made ready to store: their ids drawn and their rows encoded; `write` stores them. */
export interface PreparedActivities {
  /** The records' ids, in the order given (ascending: record order is import order). */
  readonly ids: readonly number[];
  write(): Promise<void>;
}

export interface BatchWriter {
  readonly batchId: number;
  /**
   * Readies records to store, with `calculated` each with its result in that version
   * (`calculated.results[i]` is `rows[i]`'s). Apart from `write`, so that a large import encodes
   * its next chunk while the database stores the one before; chunks are written in the order
   * they were prepared.
   */
  prepareActivities(rows: readonly ActivityRecordInput[], calculated?: RecordResults): Promise<PreparedActivities>;
  addInstruments(rows: readonly InstrumentRecordInput[]): Promise<void>;
  /** Metrics replace the value of the same metric and period start (as `OrgStore.setMetric`). */
  addMetrics(rows: readonly MetricRecordInput[]): Promise<void>;
  addQuarantined(rows: readonly QuarantinedRow[]): Promise<void>;
  /** Whether the organisation's other batches hold records with a source id. */
  hasEarlierSourceIds(): Promise<boolean>;
  /** Of these source ids, those on records of the organisation's other batches, each with its first such record. */
  earlierSourceIds(ids: readonly string[]): Promise<ReadonlyMap<string, { readonly batchId: number; readonly rowNumber: number }>>;
  finish(counts: BatchCounts): Promise<ImportBatch>;
}

export interface ImportStore {
  findBatchByHash(orgId: number, contentHash: string): Promise<ImportBatch | null>;
  listBatches(orgId: number): Promise<ImportBatch[]>;
  findBatch(orgId: number, batchId: number): Promise<ImportBatch | null>;
  /** The rows a --quarantine import kept apart, by row number. */
  listQuarantined(orgId: number, batchId: number): Promise<ListedQuarantinedRow[]>;
  /** Ids of the organisation's instruments already stored (an instrument is claimed once). */
  instrumentIds(orgId: number): Promise<string[]>;

  /** A saved mapping's definition as stored (validated by the caller), or null. */
  getMapping(orgId: number, name: string): Promise<unknown>;
  saveMapping(orgId: number, name: string, definition: unknown): Promise<void>;
  listMappings(orgId: number): Promise<{ name: string; definition: unknown }[]>;

  /**
   * Locks the organisation's ledger (`CalcStore.lock`), creates the batch, numbered after the
   * organisation's latest, and runs `fn` with its writer, and the other stores, in one transaction,
   * committed when `fn` resolves. Resolves null, writing nothing, when the organisation already
   * has a batch with this content hash (a concurrent import of the same file).
   */
  writeBatch<T>(orgId: number, batch: NewBatch, fn: (writer: BatchWriter, stores: TxStores) => Promise<T>): Promise<T | null>;
}
