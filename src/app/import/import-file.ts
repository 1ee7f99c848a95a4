/**
 * @module import/import-file
 * The import use case: one file → one batch, all or nothing. The file is hashed first (sha256 of
 * its bytes), so re-importing the same content is a no-op; then its rows stream through mapping
 * and validation, and valid records are written in chunks inside ONE transaction with the batch
 * row and any quarantined rows. Any error rolls the whole batch back unless `quarantine` is set,
 * in which case bad rows are stored with their errors. Memory holds one chunk, not the file, and
 * the 64-bit hashes of the file's source ids (seen-source-ids.ts: about 25 MB a million rows).
 *
 * Given a `BatchCalculation` (import-and-recalculate.ts), each valid activity is also calculated
 * as it is read, and its result written with it in the same transaction; a row the engine refuses
 * is an error of that row like any other.
 */
import { CalcError } from '../../core/index.js';
import type { CalcResult } from '../ledger/calc-store.js';
import type { BatchCalculation } from '../ledger/extend-version.js';
import type { TxStores } from '../ledger/ledger-ports.js';
import type { ActivityRecordInput, Organisation } from '../ledger/model.js';
import { headerKey, SourceError, type Cell, type ImportKind, type RowLabel, type SourceRow } from './canonical-fields.js';
import { cellText, fieldError, RowReader, type FieldError } from './cells.js';
import { compileMapping } from './compile-mapping.js';
import { hashOf, metered, type ImportSource } from './file-bytes.js';
import { SeenSourceIds } from './seen-source-ids.js';
import type { PreparedActivities, QuarantinedRow } from './import-store.js';
import { kindPlan, type PlanDeps } from './kind-plans.js';
import type { NamedMapping } from './mapping-schema.js';
import { problem, type ProblemCode } from './problems.js';
import { formatOf, readRows } from './read-rows.js';

export type ImportDeps = PlanDeps;
export type { ImportSource };

export interface ImportRequest {
  readonly org: Organisation;
  readonly source: ImportSource;
  readonly mapping: NamedMapping;
  /** Default: the mapping's kind, else activities. */
  readonly kind?: ImportKind;
  readonly quarantine: boolean;
  readonly importedBy: string;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Validate every row and report as an import would, but write nothing (status `valid`). */
  readonly dryRun?: boolean;
  /** Set for a data owner: activity rows must name one of these business units. */
  readonly writableUnits?: readonly string[];
  /**
   * Take activity rows whose source_id the ledger holds already from another import, or an
   * earlier row of the file took. Without it such a row is an error of its own (the same activity
   * would count twice): a file extended since it was imported brings only its new rows in with
   * --quarantine. With it, source ids do not identify activities, so quarantined rows keep none.
   */
  readonly allowRepeats?: boolean;
}

export interface RowError extends FieldError {
  readonly file: string;
  readonly row: number;
  readonly label: RowLabel;
}

export interface ImportResult {
  readonly status: 'imported' | 'duplicate' | 'rejected' | 'valid';
  readonly batchId: number | null;
  readonly file: string;
  readonly contentHash: string;
  readonly kind: ImportKind;
  readonly rowsTotal: number;
  readonly rowsImported: number;
  readonly rowsQuarantined: number;
  /** Every error found; `errors` keeps the first `MAX_ERRORS`. */
  readonly errorCount: number;
  readonly errors: readonly RowError[];
}

/** Opens the calculation of an activities batch inside its transaction (the organisation locked). */
export type CalculationFor = (stores: TxStores, batchId: number) => Promise<BatchCalculation>;

export const MAX_ERRORS = 100;
const CHUNK_ROWS = 5000;
const YIELD_ROWS = 100;
/** A field found missing: when the mapping reads it from a column the file lacks, that is said instead. */
const MISSING: ReadonlySet<ProblemCode> = new Set(['missing', 'categoryMissing', 'activityMissing']);

export const formatRowError = (e: RowError): string =>
  `${e.file}: ${e.label} ${e.row}, field "${e.field}"${e.column === undefined ? '' : ` (column "${e.column}")`}: ${e.message}`;

/** Carries a rejected result out of the transaction, rolling it back. */
class Rejected extends Error {
  constructor(readonly result: ImportResult) {
    super('import rejected');
  }
}

export async function importFile(deps: ImportDeps, req: ImportRequest, calculationFor?: CalculationFor): Promise<ImportResult> {
  const { org, source, mapping } = req;
  const kind = req.kind ?? mapping.mapping.kind ?? 'activities';
  const format = formatOf(source.name);
  const mapper = compileMapping(mapping, kind);
  const contentHash = await hashOf(source.open());
  const base = { file: source.name, contentHash, kind, batchId: null, rowsTotal: 0, rowsImported: 0, rowsQuarantined: 0, errorCount: 0, errors: [] };
  const existing = await deps.imports.findBatchByHash(org.orgId, contentHash);
  if (existing !== null) return duplicate(base, existing);
  const plan = await kindPlan(kind, deps, org, req.writableUnits);
  const batch = { fileName: source.name, contentHash, mapping: mapping.name, kind, importedBy: req.importedBy };
  try {
    const written = await deps.imports.writeBatch(org.orgId, batch, async (writer, stores) => {
      const calculation = kind === 'activities' && calculationFor !== undefined ? await calculationFor(stores, writer.batchId) : null;
      const errors: RowError[] = [];
      let [total, imported, quarantined, errorCount] = [0, 0, 0, 0];
      const reject = (): never => {
        throw new Rejected({ ...base, status: 'rejected', rowsTotal: total, errorCount, errors: inRowOrder(errors) });
      };
      const note = (e: Omit<RowError, 'file'>): void => {
        errorCount++;
        if (errors.length < MAX_ERRORS) errors.push({ file: source.name, ...e });
      };
      let good: object[] = [];
      let results: CalcResult[] = [];
      let bad: QuarantinedRow[] = [];
      // One write in flight while the next chunk is parsed and encoded (the database works in
      // parallel: a server, or PGlite's worker thread); writes stay in order on the transaction's
      // one connection, and memory holds at most two chunks.
      let inflight: Promise<void> = Promise.resolve();
      /** The batch's first record, once stored: the version extended carries over the results before it. */
      let firstRecordId: number | null = null;
      const queue = async (write: () => Promise<void>): Promise<void> => {
        const previous = inflight;
        inflight = previous.then(write);
        inflight.catch(() => undefined); // its error is rethrown by the next await of `inflight`
        await previous;
      };
      const flushGood = (): Promise<void> => {
        const rows = good;
        const calculated = results;
        good = [];
        results = [];
        if (calculation === null) return queue(() => plan.write(writer, rows));
        return (async () => {
          let prepared: PreparedActivities;
          try {
            const versionId = await calculation.resultsVersion();
            prepared = await writer.prepareActivities(rows as ActivityRecordInput[], versionId === null ? undefined : { versionId, results: calculated });
          } catch (e) {
            await inflight; // a write that failed meanwhile is the cause (the transaction refuses all after it)
            throw e;
          }
          firstRecordId ??= prepared.ids[0] ?? null;
          await queue(() => prepared.write());
        })();
      };
      const flushBad = (): Promise<void> => {
        const rows = bad;
        bad = [];
        return queue(() => writer.addQuarantined(rows));
      };
      // Source ids identify activity rows unless repeats are allowed: a row whose source_id an
      // earlier row of the file took is refused before it is calculated, so that it adds nothing to
      // the version's sums or instruments, and a quarantined row keeps its id for the listing.
      const seen = kind === 'activities' && req.allowRepeats !== true ? await SeenSourceIds.create() : null;
      /** A row refused: its errors noted, and with --quarantine kept apart (with its source id, where ids identify rows). */
      const refuse = async (row: SourceRow, rowErrors: readonly FieldError[], sourceId: string | null): Promise<void> => {
        for (const e of rowErrors) note({ row: row.row, label: row.label, ...e });
        if (!req.quarantine) return;
        quarantined++;
        if (req.dryRun === true) return;
        bad.push({ rowNumber: row.row, label: row.label, columns: row.headers, raw: Object.fromEntries(row.headers.map((h) => [h, asRead(row.cells[headerKey(h)] ?? null)])), errors: rowErrors,
          sourceId: seen === null ? null : sourceId });
        if (bad.length >= CHUNK_ROWS) await flushBad();
      };
      /** A row's errors as reported: one per field, each with the file's column, a missing field's absent column said. */
      const rowErrorsOf = (row: SourceRow, fieldErrors: readonly FieldError[]): FieldError[] => firstPerField(fieldErrors).map((e) => {
        const column = mapper.column(row.headers, e.field);
        const absent = e.code !== undefined && MISSING.has(e.code) ? mapper.missingColumn(row.headers, e.field) : null;
        const why = absent === null ? e : fieldError(e.field, absent);
        return column === null || headerKey(column) === e.field ? why : { ...why, column };
      });
      /** A valid row calculated (the calculation takes rows in file order) and kept to write, or refused with the engine's reason. */
      const take = async (row: SourceRow, r: RowReader, record: object): Promise<boolean> => {
        const result = calculation === null ? null : calculate(calculation, record as ActivityRecordInput, `${row.label} ${row.row}`, r);
        if (calculation !== null && result === null) {
          await refuse(row, rowErrorsOf(row, r.errors), (record as ActivityRecordInput).sourceId);
          return false;
        }
        imported++;
        if ((errorCount > 0 && !req.quarantine) || req.dryRun === true) return true; // doomed or a dry run: validate, do not write
        good.push(record);
        if (result !== null) results.push(result);
        if (good.length >= CHUNK_ROWS) await flushGood();
        return true;
      };
      const takeUnlessRepeated = async (row: SourceRow, r: RowReader, record: object): Promise<void> => {
        const id = seen === null ? null : (record as ActivityRecordInput).sourceId;
        if (seen === null || id === null) {
          await take(row, r, record);
          return;
        }
        const first = seen.rowOf(id);
        if (first !== undefined) await refuse(row, rowErrorsOf(row, [fieldError('source_id', problem('sourceIdRepeated', { id, row: first }))]), id);
        else if (await take(row, r, record)) seen.add(id, row.row);
      };
      // Valid activity rows wait here, a chunk at a time, until their source ids are looked up in the
      // ledger's other imports (only when there are any, and repeats are not allowed).
      const checkEarlierImports = seen !== null && (await writer.hasEarlierSourceIds());
      let held: { row: SourceRow; r: RowReader; record: ActivityRecordInput }[] = [];
      const settle = async (): Promise<void> => {
        const rows = held;
        held = [];
        const earlier = await writer.earlierSourceIds([...new Set(rows.flatMap((h) => (h.record.sourceId === null ? [] : [h.record.sourceId])))]);
        for (const h of rows) {
          const first = h.record.sourceId === null ? undefined : earlier.get(h.record.sourceId);
          if (first === undefined) await takeUnlessRepeated(h.row, h.r, h.record);
          else await refuse(h.row, rowErrorsOf(h.row, [fieldError('source_id', problem('sourceIdImported', { id: h.record.sourceId as string, batch: first.batchId, row: first.rowNumber }))]), h.record.sourceId);
        }
      };
      let lastHeaders: readonly string[] | null = null;
      try {
        for await (const rows of readRows(format, metered(source, contentHash, req.onProgress))) for (const row of rows) {
          if (row.headers !== lastHeaders && row.headers.length > 0) {
            lastHeaders = row.headers;
            const fatal = mapper.headerErrors(row.headers);
            if (fatal.length > 0) {
              for (const p of fatal) note({ row: row.label === 'row' ? 1 : row.row, label: row.label, ...fieldError('(header)', p) });
              reject();
            }
          }
          // A batch is read from memory; give the event loop a turn now and then, so that the
          // database's answers to the writes in flight are taken at once.
          if (++total % YIELD_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
          const mapped = mapper.map(row);
          const r = new RowReader(mapped.values);
          if (row.problem !== undefined) r.failText('(row)', row.problem);
          r.errors.push(...mapped.errors);
          // Every field is checked even when the mapping failed (null then); an unreadable row has no fields.
          const record = row.problem !== undefined && row.headers.length === 0 ? null : plan.validate(r, row.row);
          if (record === null) await refuse(row, rowErrorsOf(row, r.errors), r.text('source_id'));
          else if (!checkEarlierImports) await takeUnlessRepeated(row, r, record);
          else if (held.push({ row, r, record: record as ActivityRecordInput }) >= CHUNK_ROWS) await settle();
        }
        await settle();
      } catch (e) {
        await inflight.catch(() => undefined); // let the transaction end only once no write is running
        if (!(e instanceof SourceError)) throw e;
        note({ row: e.row, label: e.label, field: '(file)', message: e.message });
        reject();
      }
      if (total === 0) {
        if (source.size === 0) note({ row: 1, label: 'row', ...fieldError('(file)', problem('emptyFile')) });
        else note({ row: 2, label: 'row', ...fieldError('(file)', problem('noDataRows')) });
      }
      if (errorCount > 0 && (!req.quarantine || total === 0)) {
        await inflight.catch(() => undefined);
        reject();
      }
      if (req.dryRun === true) {
        await inflight;
        throw new Rejected({ ...base, status: 'valid', rowsTotal: total, rowsImported: imported, rowsQuarantined: quarantined, errorCount, errors: inRowOrder(errors) });
      }
      await flushGood();
      await flushBad();
      await inflight;
      await calculation?.finish(imported, firstRecordId);
      const stored = await writer.finish({ rowsTotal: total, rowsImported: imported, rowsQuarantined: quarantined });
      return { ...base, status: 'imported' as const, batchId: stored.batchId, rowsTotal: total, rowsImported: imported, rowsQuarantined: quarantined, errorCount, errors: inRowOrder(errors) };
    });
    if (written !== null) return written;
  } catch (e) {
    if (e instanceof Rejected) return e.result;
    throw e;
  }
  // Another import of the same content committed first.
  const winner = await deps.imports.findBatchByHash(org.orgId, contentHash);
  return duplicate(base, winner);
}

function duplicate(base: Omit<ImportResult, 'status'>, batch: { batchId: number; rowsTotal: number; rowsImported: number; rowsQuarantined: number } | null): ImportResult {
  return { ...base, status: 'duplicate', batchId: batch?.batchId ?? null, rowsTotal: batch?.rowsTotal ?? 0,
    rowsImported: batch?.rowsImported ?? 0, rowsQuarantined: batch?.rowsQuarantined ?? 0 };
}

/** The record's result, or null with the engine's refusal noted as an error of the row. */
function calculate(calculation: BatchCalculation, record: ActivityRecordInput, lineId: string, r: RowReader): CalcResult | null {
  try {
    return calculation.line(record, lineId);
  } catch (e) {
    if (!(e instanceof CalcError)) throw e;
    r.failText(e.field, e.detail);
    return null;
  }
}

/** A cell as a quarantined row keeps it: a spreadsheet's date cell as the date the import reads (2024-07-01), not an instant. */
const asRead = (cell: Cell): Exclude<Cell, Date> => (cell instanceof Date ? cellText(cell) : cell);

/** Errors by row (a row held for its source-id check is refused after later rows' errors were noted). */
const inRowOrder = (errors: RowError[]): RowError[] => errors.sort((a, b) => a.row - b.row);

/** One error per field: a field the mapping could not build is not also reported "missing". */
function firstPerField(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}
