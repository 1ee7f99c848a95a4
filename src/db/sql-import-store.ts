/**
 * @module db/sql-import-store
 * ImportStore over the ledger schema (import_batches, activity_records, instruments, org_metrics,
 * quarantined_rows, column_mappings). Records and quarantined rows are bulk-loaded with COPY;
 * metrics are upserted (a metric's period may be set again by a later file).
 */
import type { BatchCounts, BatchWriter, ImportStore, InstrumentRecordInput, MetricRecordInput, ListedQuarantinedRow, NewBatch, PreparedActivities, QuarantinedRow, RecordResults } from '../app/import/import-store.js';
import type { CalcResult } from '../app/ledger/calc-store.js';
import type { ActivityRecordInput, ImportBatch } from '../app/ledger/model.js';
import type { TxStores } from '../app/ledger/ledger-ports.js';
import { csvNumber, csvRow, csvText, type Database, type Param, type Queryable } from './database.js';
import { resultCsv } from './sql-calc-store.js';
import { sqlTxStores } from './sql-tx-stores.js';

interface BatchRow extends Record<string, unknown> {
  batch_id: number; file_name: string; content_hash: string; mapping: string; kind: ImportBatch['kind'];
  rows_total: number; rows_imported: number; rows_quarantined: number; imported_by: string; imported_at: unknown;
}

const BATCH_COLUMNS = 'batch_id, file_name, content_hash, mapping, kind, rows_total, rows_imported, rows_quarantined, imported_by, imported_at';

const toBatch = (r: BatchRow): ImportBatch => ({
  batchId: Number(r.batch_id), fileName: r.file_name, contentHash: r.content_hash, mapping: r.mapping, kind: r.kind,
  rowsTotal: Number(r.rows_total), rowsImported: Number(r.rows_imported), rowsQuarantined: Number(r.rows_quarantined),
  importedBy: r.imported_by, importedAt: r.imported_at instanceof Date ? r.imported_at.toISOString() : String(r.imported_at),
});

const ACTIVITY_COLUMNS = ['org_id', 'record_id', 'batch_id', 'row_number', 'source_id', 'site_id', 'unit_id', 'period_start', 'period_end', 'scope',
  'category', 'method', 'quantity', 'unit', 'price_year', 'factor_id', 'activity', 'carrier', 'supplier'];
/** A record with its result (migration 0015), in CalcResult order. */
const ACTIVITY_WITH_RESULT_COLUMNS = [...ACTIVITY_COLUMNS, 'result_version_id', 'co2e_kg', 'market_co2e_kg', 'biogenic_co2_kg', 'result_factor_id', 'result_method', 'market_parts'];
const INSTRUMENT_COLUMNS = ['org_id', 'instrument_id', 'batch_id', 'row_number', 'kind', 'market', 'mwh', 'kg_co2e_per_mwh', 'vintage',
  'supplier', 'serial', 'retired'];
const QUARANTINE_COLUMNS = ['org_id', 'batch_id', 'row_number', 'label', 'columns', 'raw', 'errors', 'source_id'];
/** A text[] literal for COPY: each element double-quoted, with its quotes and backslashes escaped. */
const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

export class SqlImportStore implements ImportStore {
  constructor(private readonly db: Database) {}

  async findBatchByHash(orgId: number, contentHash: string): Promise<ImportBatch | null> {
    const [row] = await this.db.query<BatchRow>(
      `SELECT ${BATCH_COLUMNS} FROM import_batches WHERE org_id = $1 AND content_hash = $2`, [orgId, contentHash]);
    return row === undefined ? null : toBatch(row);
  }

  async findBatch(orgId: number, batchId: number): Promise<ImportBatch | null> {
    const [row] = await this.db.query<BatchRow>(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE org_id = $1 AND batch_id = $2`, [orgId, batchId]);
    return row === undefined ? null : toBatch(row);
  }

  async listBatches(orgId: number): Promise<ImportBatch[]> {
    return (await this.db.query<BatchRow>(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE org_id = $1 ORDER BY batch_id`, [orgId])).map(toBatch);
  }

  async listQuarantined(orgId: number, batchId: number): Promise<ListedQuarantinedRow[]> {
    const rows = await this.db.query<{
      row_number: number; label: QuarantinedRow['label'] | null; columns: string[] | null; raw: unknown; errors: unknown; source_id: string | null;
      held_batch: number | null; held_row: number | null;
    }>(
      `SELECT q.row_number, q.label, q.columns, q.raw, q.errors, q.source_id, held.batch_id AS held_batch, held.row_number AS held_row
       FROM quarantined_rows q
       LEFT JOIN LATERAL (SELECT a.batch_id, a.row_number FROM activity_records a
         WHERE a.org_id = q.org_id AND a.source_id = q.source_id ORDER BY a.batch_id, a.row_number LIMIT 1) held ON true
       WHERE q.org_id = $1 AND q.batch_id = $2 ORDER BY q.row_number`, [orgId, batchId]);
    return rows.map((r) => ({
      rowNumber: Number(r.row_number), label: r.label ?? 'row', columns: r.columns, raw: parseJson(r.raw) as QuarantinedRow['raw'], errors: parseJson(r.errors) as QuarantinedRow['errors'],
      sourceId: r.source_id, inLedger: r.held_batch === null ? null : { batchId: Number(r.held_batch), rowNumber: Number(r.held_row) },
    }));
  }

  async instrumentIds(orgId: number): Promise<string[]> {
    return (await this.db.query<{ instrument_id: string }>('SELECT instrument_id FROM instruments WHERE org_id = $1', [orgId])).map((r) => r.instrument_id);
  }

  async getMapping(orgId: number, name: string): Promise<unknown> {
    const [row] = await this.db.query<{ definition: unknown }>('SELECT definition FROM column_mappings WHERE org_id = $1 AND name = $2', [orgId, name]);
    return row === undefined ? null : parseJson(row.definition);
  }

  async saveMapping(orgId: number, name: string, definition: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO column_mappings (org_id, name, definition) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (org_id, name) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
      [orgId, name, JSON.stringify(definition)]);
  }

  async listMappings(orgId: number): Promise<{ name: string; definition: unknown }[]> {
    const rows = await this.db.query<{ name: string; definition: unknown }>('SELECT name, definition FROM column_mappings WHERE org_id = $1 ORDER BY name', [orgId]);
    return rows.map((r) => ({ name: r.name, definition: parseJson(r.definition) }));
  }

  async writeBatch<T>(orgId: number, batch: NewBatch, fn: (writer: BatchWriter, stores: TxStores) => Promise<T>): Promise<T | null> {
    let writer: SqlBatchWriter | null = null;
    const result = await this.db.transaction(async (tx) => {
      // Batches of one organisation are written one at a time (so that a calculation sees them all),
      // and each takes the number after the latest (migration 0016). A concurrent import of the
      // same file waits here, then skips on the unique (org_id, content_hash) key.
      const stores = sqlTxStores(tx);
      await stores.calc.lock(orgId);
      const [row] = await tx.query<{ batch_id: number }>(
        `INSERT INTO import_batches (org_id, batch_id, file_name, content_hash, mapping, kind, rows_total, rows_imported, rows_quarantined, imported_by)
         VALUES ($1, (SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches WHERE org_id = $1), $2, $3, $4, $5, 0, 0, 0, $6)
         ON CONFLICT (org_id, content_hash) DO NOTHING RETURNING batch_id`,
        [orgId, batch.fileName, batch.contentHash, batch.mapping, batch.kind, batch.importedBy]);
      if (row === undefined) return null;
      writer = new SqlBatchWriter(tx, orgId, Number(row.batch_id));
      return fn(writer, stores);
    });
    // Committed. A large batch refreshes the planner's statistics (migration 0008). They only make
    // plans better, so a failure must not make the committed import look failed; in a transaction
    // of its own (a savepoint when nested), so that it cannot abort one around it either.
    const written = (writer as SqlBatchWriter | null)?.recordsWritten ?? 0;
    if (written > 0) {
      await this.db.transaction((tx) => tx.query('SELECT refresh_ledger_statistics($1)', [written])).catch((e: unknown) => {
        process.emitWarning(`planner statistics not refreshed after the import: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
    return result;
  }
}

/** Record ids drawn at a time once a batch is past its first chunk (the rest of the last draw is a gap). */
const ID_DRAW = 100_000;
/** The records' id sequence, named literally so that it is resolved once per statement, not once per call. */
const RECORD_IDS = `'activity_records_record_id_seq'`;

class SqlBatchWriter implements BatchWriter {
  recordsWritten = 0;
  private spareIds: number[] = [];
  private draws = 0;
  /** The sequence's step: the ids each nextval reserves. */
  private block: number | undefined;

  constructor(private readonly tx: Queryable, private readonly orgId: number, readonly batchId: number) {}

  async prepareActivities(rows: readonly ActivityRecordInput[], calculated?: RecordResults): Promise<PreparedActivities> {
    if (rows.length === 0) return { ids: [], write: () => Promise.resolve() };
    if (calculated !== undefined && calculated.results.length !== rows.length) throw new Error(`${rows.length} records with ${calculated.results.length} results`);
    const ids = await this.reserveRecordIds(rows.length);
    // One template per row, in ACTIVITY_COLUMNS or ACTIVITY_WITH_RESULT_COLUMNS order (the hot path of a large import: no array per row).
    const org = `${this.orgId},`;
    const batch = `,${this.batchId},`;
    const version = calculated === undefined ? '' : `,${calculated.versionId},`;
    let text = '';
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as ActivityRecordInput;
      text += `${org}${ids[i]}${batch}${r.rowNumber},${csvText(r.sourceId)},${r.siteId},${csvNumber(r.unitId)},${r.periodStart},${r.periodEnd},${r.scope},`
        + `${csvNumber(r.category)},${csvText(r.method)},${r.quantity},${csvText(r.unit)},${csvNumber(r.priceYear)},${csvText(r.factorId)},`
        + `${csvText(r.activity)},${csvText(r.carrier)},${csvText(r.supplier)}`;
      text += calculated === undefined ? '\n' : `${version}${resultCsv(calculated.results[i] as CalcResult)}\n`;
    }
    return {
      ids,
      write: async () => {
        await this.tx.copyFrom('activity_records', calculated === undefined ? ACTIVITY_COLUMNS : ACTIVITY_WITH_RESULT_COLUMNS, [text]);
        this.recordsWritten += rows.length;
      },
    };
  }

  /**
   * `n` record ids from the records' identity sequence, ascending. The sequence steps by a block
   * (migrations/0012): each nextval reserves the ids from its value to the next step, so a draw
   * makes one call per block, not one per id. The step is read from the sequence itself, so
   * that ids never overlap whatever it is.
   */
  private async reserveRecordIds(n: number): Promise<number[]> {
    // The first draw takes what is asked (a small file leaves at most one block's rest as a gap);
    // later ones draw ahead, so that a large file makes one round trip for several chunks.
    if (this.spareIds.length < n) {
      const want = (this.draws++ === 0 ? n : Math.max(n, ID_DRAW)) - this.spareIds.length;
      for (const id of await this.drawRecordIds(want)) this.spareIds.push(id);
    }
    return this.spareIds.splice(0, n);
  }

  private async drawRecordIds(n: number): Promise<number[]> {
    this.block ??= Number((await this.tx.query<{ step: number }>(`SELECT seqincrement AS step FROM pg_sequence WHERE seqrelid = ${RECORD_IDS}::regclass`))[0]?.step);
    const block = this.block;
    if (!(block >= 1)) throw new Error('the record id sequence has no step');
    const starts = await this.tx.query<{ lo: number }>(`SELECT nextval(${RECORD_IDS}) AS lo FROM generate_series(1, $1) ORDER BY 1`, [Math.ceil(n / block)]);
    const ids: number[] = [];
    for (const { lo } of starts) for (let id = Number(lo); id < Number(lo) + block; id++) ids.push(id);
    return ids;
  }

  async addInstruments(rows: readonly InstrumentRecordInput[]): Promise<void> {
    if (rows.length === 0) return;
    const text = rows.map((r) => csvRow([this.orgId, r.id, this.batchId, r.rowNumber, r.kind, r.market, r.mwh, r.kgCo2ePerMwh, r.vintage,
      r.supplier, r.serial, r.retired])).join('');
    await this.tx.copyFrom('instruments', INSTRUMENT_COLUMNS, [text]);
  }

  async addMetrics(rows: readonly MetricRecordInput[]): Promise<void> {
    // Upserts in statements of at most 1,000 rows (8 parameters each, far below the 65,535 limit).
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000);
      const params: Param[] = [];
      const values = part.map((m) => {
        params.push(this.orgId, m.metric, m.periodStart, m.periodEnd, m.value, m.unit, this.batchId, m.rowNumber);
        const n = params.length - 8;
        return `($${n + 1}, $${n + 2}, $${n + 3}::date, $${n + 4}::date, $${n + 5}::float8, $${n + 6}, $${n + 7}::bigint, $${n + 8}::int)`;
      });
      await this.tx.query(
        `INSERT INTO org_metrics (org_id, metric, period_start, period_end, value, unit, batch_id, row_number) VALUES ${values.join(', ')}
         ON CONFLICT (org_id, metric, period_start) DO UPDATE SET period_end = EXCLUDED.period_end, value = EXCLUDED.value,
           unit = EXCLUDED.unit, batch_id = EXCLUDED.batch_id, row_number = EXCLUDED.row_number`, params);
    }
  }

  async addQuarantined(rows: readonly QuarantinedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const text = rows.map((r) => csvRow([this.orgId, this.batchId, r.rowNumber, r.label, r.columns === null ? null : textArray(r.columns), JSON.stringify(r.raw), JSON.stringify(r.errors), r.sourceId])).join('');
    await this.tx.copyFrom('quarantined_rows', QUARANTINE_COLUMNS, [text]);
  }

  async hasEarlierSourceIds(): Promise<boolean> {
    const rows = await this.tx.query('SELECT 1 FROM activity_records WHERE org_id = $1 AND source_id IS NOT NULL AND batch_id <> $2 LIMIT 1', [this.orgId, this.batchId]);
    return rows.length > 0;
  }

  async earlierSourceIds(ids: readonly string[]): Promise<ReadonlyMap<string, { readonly batchId: number; readonly rowNumber: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.query<{ source_id: string; batch_id: number; row_number: number }>(
      `SELECT DISTINCT ON (source_id) source_id, batch_id, row_number FROM activity_records
       WHERE org_id = $1 AND source_id = ANY($2::text[]) AND batch_id <> $3 ORDER BY source_id, batch_id, row_number`,
      [this.orgId, textArray(ids), this.batchId]);
    return new Map(rows.map((r) => [r.source_id, { batchId: Number(r.batch_id), rowNumber: Number(r.row_number) }]));
  }

  async finish(c: BatchCounts): Promise<ImportBatch> {
    const [row] = await this.tx.query<BatchRow>(
      `UPDATE import_batches SET rows_total = $3, rows_imported = $4, rows_quarantined = $5 WHERE org_id = $1 AND batch_id = $2
       RETURNING ${BATCH_COLUMNS}`, [this.orgId, this.batchId, c.rowsTotal, c.rowsImported, c.rowsQuarantined]);
    return toBatch(row as BatchRow);
  }
}

/** jsonb arrives parsed from both drivers; a string would be a driver returning text. */
const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
