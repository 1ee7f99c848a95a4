/**
 * @module import/import-and-recalculate
 * What `carbon-ledger import` and the API's import job do: import one file (all or nothing, or
 * with quarantine) and make a new calculation version when a batch was written. Activities are
 * calculated as they are imported, in the same transaction (ledger/extend-version.ts): the new
 * version extends the latest one when that is a basis for it; otherwise — and after an import of
 * instruments, which changes what every Scope 2 record gets, or of metrics — the organisation is
 * recalculated whole after the import.
 */
import type { ReferenceLibrary } from '../../core/index.js';
import { AppError } from '../app-error.js';
import { calculateBatch, type BatchCalculation } from '../ledger/extend-version.js';
import type { Ledger } from '../ledger/ledger-ports.js';
import { recalculate, type RecalculateSummary } from '../ledger/recalculate.js';
import type { VersionCause } from '../ledger/version-cause.js';
import { importFile, type ImportRequest, type ImportResult } from './import-file.js';

export interface ImportOutcome {
  readonly result: ImportResult;
  /** The calculation version made with or after the import, or null when nothing was written. */
  readonly calc: RecalculateSummary | null;
}

export async function importAndRecalculate(ledger: Ledger, lib: ReferenceLibrary, req: ImportRequest): Promise<ImportOutcome> {
  const cause = (batch: number): VersionCause => ({ kind: 'import', file: req.source.name, batch });
  const opened: { calculation?: BatchCalculation } = {};
  const result = await importFile({ imports: ledger.stores.imports, orgs: ledger.stores.org, factors: lib.index }, req,
    async (stores, batchId) => (opened.calculation = await calculateBatch(stores, req.org, lib, batchId, cause(batchId))));
  if (result.status !== 'imported') return { result, calc: null };
  const made = opened.calculation?.made ?? null;
  if (made !== null) return { result, calc: made };
  try {
    return { result, calc: await recalculate(ledger, req.org, cause(result.batchId as number), lib) };
  } catch (e) {
    // The import is committed; a failed recalculation must not make it look as if it was not.
    if (!(e instanceof AppError)) throw e;
    throw new AppError(e.code, `${result.file} was imported as batch ${result.batchId}, but the recalculation failed: ${e.message}`);
  }
}
