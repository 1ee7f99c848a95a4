/**
 * @module import/import-and-recalculate
 * What `carbon-ledger import` and the API's import job do: import one file (all or nothing, or
 * with quarantine), then make a new calculation version when a batch was written.
 */
import type { ReferenceLibrary } from '../../core/index.js';
import { AppError } from '../app-error.js';
import type { Ledger } from '../ledger/ledger-ports.js';
import { recalculate } from '../ledger/recalculate.js';
import { importFile, type ImportRequest, type ImportResult } from './import-file.js';

export interface ImportOutcome {
  readonly result: ImportResult;
  /** The calculation version made after the import, or null when nothing was written. */
  readonly calc: { readonly versionId: number; readonly records: number } | null;
}

export async function importAndRecalculate(ledger: Ledger, lib: ReferenceLibrary, req: ImportRequest): Promise<ImportOutcome> {
  const result = await importFile({ imports: ledger.stores.imports, orgs: ledger.stores.org, factors: lib.index }, req);
  if (result.status !== 'imported') return { result, calc: null };
  try {
    return { result, calc: await recalculate(ledger, req.org, `import of ${result.file} (batch ${result.batchId})`, lib) };
  } catch (e) {
    // The import is committed; a failed recalculation must not make it look as if it was not.
    if (!(e instanceof AppError)) throw e;
    throw new AppError(e.code, `${result.file} was imported as batch ${result.batchId}, but the recalculation failed: ${e.message}`);
  }
}
