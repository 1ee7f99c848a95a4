/**
 * @module import/list-quarantined
 * `carbon-ledger quarantine --org SLUG --batch N` (and the API's
 * `imports/:batch/quarantined`): the rows a --quarantine import kept apart, with their errors,
 * and as a file of their original columns to fix and import again.
 */
import Papa from 'papaparse';
import { AppError } from '../app-error.js';
import { requireOrg } from '../org/org-input.js';
import type { OrgStore } from '../org/org-store.js';
import type { RowLabel } from './canonical-fields.js';
import type { FieldError } from './cells.js';
import type { ImportStore } from './import-store.js';
import { batchJson, type BatchJson } from './list-imports.js';

export interface QuarantinedRows {
  readonly org: string;
  readonly batch: BatchJson;
  readonly rows: readonly {
    readonly row: number;
    /** How the file numbers its rows: spreadsheet rows, NDJSON lines or JSON array items. */
    readonly label: RowLabel;
    readonly values: Readonly<Record<string, unknown>>;
    /** The file's columns in order (null for rows quarantined before they were kept). */
    readonly columns: readonly string[] | null; readonly errors: readonly FieldError[];
    /** The first record the ledger holds under the row's source id (imported before, by the same batch, or since): nothing is left to fix. */
    readonly in_ledger: { readonly batch_id: number; readonly row: number } | null }[];
}

export async function listQuarantined(stores: { readonly org: OrgStore; readonly imports: ImportStore }, orgSlug: string, batchId: number): Promise<QuarantinedRows> {
  const org = await requireOrg(stores.org, orgSlug);
  const batch = await stores.imports.findBatch(org.orgId, batchId);
  if (batch === null) throw new AppError('not_found', `no import batch ${batchId} in ${org.slug} (see: carbon-ledger imports --org ${org.slug})`);
  const rows = await stores.imports.listQuarantined(org.orgId, batchId);
  return {
    org: org.slug,
    batch: batchJson(batch),
    rows: rows.map((r) => ({
      row: r.rowNumber, label: r.label, values: r.raw, columns: r.columns, errors: r.errors,
      in_ledger: r.inLedger === null ? null : { batch_id: r.inLedger.batchId, row: r.inLedger.rowNumber },
    })),
  };
}

/** The rows still to fix: those whose source id no record of the ledger holds. */
export const openRows = (q: QuarantinedRows): QuarantinedRows['rows'] => q.rows.filter((r) => r.in_ledger === null);

/**
 * The quarantined rows still to fix as CSV with their original columns in the file's order (every
 * column any quarantined row had), ready to fix and import again with the batch's mapping; the
 * header alone when the ledger holds every one of them.
 */
export function quarantinedCsv(q: QuarantinedRows): string {
  const rows = openRows(q);
  const columns = [...new Set(q.rows.flatMap((r) => r.columns ?? Object.keys(r.values)))];
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => cell(r.values[c]))) }, { newline: '\n' }) + '\n';
}
