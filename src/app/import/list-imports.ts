/**
 * @module import/list-imports
 * `carbon-ledger imports --org SLUG` and the API's `imports`: an organisation's import batches,
 * oldest first, in the API's JSON shape.
 */
import type { ImportBatch } from '../ledger/model.js';
import { requireOrg } from '../org/org-input.js';
import type { OrgStore } from '../org/org-store.js';
import type { ImportStore } from './import-store.js';

export interface BatchJson {
  readonly batch_id: number; readonly file_name: string; readonly content_hash: string; readonly kind: ImportBatch['kind']; readonly mapping: string;
  readonly rows_total: number; readonly rows_imported: number; readonly rows_quarantined: number; readonly imported_by: string; readonly imported_at: string;
}

export const batchJson = (b: ImportBatch): BatchJson => ({
  batch_id: b.batchId, file_name: b.fileName, content_hash: b.contentHash, kind: b.kind, mapping: b.mapping, rows_total: b.rowsTotal,
  rows_imported: b.rowsImported, rows_quarantined: b.rowsQuarantined, imported_by: b.importedBy, imported_at: b.importedAt,
});

export async function listImports(stores: { readonly org: OrgStore; readonly imports: ImportStore }, orgSlug: string): Promise<{ readonly batches: readonly BatchJson[] }> {
  const org = await requireOrg(stores.org, orgSlug);
  return { batches: (await stores.imports.listBatches(org.orgId)).map(batchJson) };
}
