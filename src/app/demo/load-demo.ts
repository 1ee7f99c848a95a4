/**
 * @module demo/load-demo
 * Use case: load the demo organisations through the same path a user takes — `org apply` of each
 * organisation file, `import` of each CSV (certificates, then activities year by year), then one
 * recalculation. Running it again changes nothing: the org files apply idempotently and the
 * imports are recognised by their content hash. An organisation edited since has what its file
 * names set back as the file says (as `org apply` does: what was added stays, and so do the
 * ledger's imports and versions), unless `onlyMissing` leaves a demo organisation already there as it is (what
 * `npm start` asks, so that a restart keeps what a user changed); its files are imported all the same.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error.js';
import { findMapping } from '../import/find-mapping.js';
import { formatRowError, importFile, type ImportResult } from '../import/import-file.js';
import type { ImportKind } from '../import/canonical-fields.js';
import { recalculate, type RecalculateSummary } from '../ledger/recalculate.js';
import { applyOrgFile } from '../org/apply-org-file.js';
import { parseOrgFile } from '../org/org-file.js';
import type { ReferenceLibrary } from '../../core/index.js';
import type { Ledger } from '../ledger/ledger-ports.js';
import type { Organisation } from '../ledger/model.js';

export interface DemoOrg {
  readonly dir: string;
  readonly files: readonly { readonly file: string; readonly kind: ImportKind }[];
}

/** The demo organisations under examples/demo/, in load order. */
export const DEMO_ORGS: readonly DemoOrg[] = [
  { dir: 'jasons-team', files: [
    { file: 'certificates.csv', kind: 'instruments' },
    { file: 'activities-fy2021.csv', kind: 'activities' },
    { file: 'activities-fy2022.csv', kind: 'activities' },
  ] },
  { dir: 'mekong-devices', files: [
    { file: 'certificates.csv', kind: 'instruments' },
    { file: 'activities-2023.csv', kind: 'activities' },
    { file: 'activities-2024.csv', kind: 'activities' },
  ] },
];

export interface DemoLoaded {
  readonly slug: string;
  readonly imports: readonly ImportResult[];
  readonly recalculated: RecalculateSummary | null;
}

export async function loadDemo(
  ledger: Ledger, demoRoot: string, lib: ReferenceLibrary, onStep: (text: string) => void = () => undefined,
  options: { readonly onlyMissing?: boolean } = {},
): Promise<DemoLoaded[]> {
  const loaded: DemoLoaded[] = [];
  for (const demo of DEMO_ORGS) {
    const orgPath = join(demoRoot, demo.dir, 'org.yaml');
    const file = parseOrgFile(readFileSync(orgPath, 'utf8'), orgPath);
    // An organisation already there keeps its edits; its files are still imported (each once, by
    // content hash), so that a first load cut short is finished.
    const kept = options.onlyMissing === true ? await ledger.stores.org.findOrg(file.slug) : null;
    let org: Organisation;
    if (kept !== null) {
      org = kept;
      onStep(`${org.slug}: organisation left as it is (carbon-ledger demo applies its file again)`);
    } else {
      const applied = await applyOrgFile((work) => ledger.transaction((tx) => work(tx.org)), file, orgPath);
      org = applied.org;
      onStep(`${org.slug}: organisation ${applied.created ? 'created' : applied.changed ? 'updated' : 'unchanged'}`);
    }
    const { imports, org: orgs } = ledger.stores;
    const mapping = await findMapping(imports, org.orgId, 'canonical');
    const results: ImportResult[] = [];
    for (const f of demo.files) {
      const path = join(demoRoot, demo.dir, f.file);
      const r = await importFile({ imports, orgs, factors: lib.index }, {
        org, mapping, kind: f.kind, quarantine: false, importedBy: 'carbon-ledger demo',
        source: { name: f.file, size: statSync(path).size, open: () => createReadStream(path) },
      });
      if (r.status === 'rejected') throw new AppError('invalid_input', `demo file ${path}: ${r.errors.slice(0, 3).map(formatRowError).join('; ')}`);
      onStep(`${org.slug}: ${f.file} ${r.status === 'duplicate' ? 'already imported' : `imported, ${r.rowsImported} ${r.rowsImported === 1 ? 'row' : 'rows'}`}`);
      results.push(r);
    }
    const changed = results.some((r) => r.status === 'imported');
    const recalculated = changed ? await recalculate(ledger, org, { kind: 'demo' }, lib) : null;
    if (recalculated !== null) onStep(`${org.slug}: calculation version ${recalculated.versionId} (${recalculated.records} records)`);
    loaded.push({ slug: org.slug, imports: results, recalculated });
  }
  return loaded;
}
