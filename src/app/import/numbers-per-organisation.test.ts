import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLedger } from '../../db/sql-stores.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import type { Organisation } from '../ledger/model.js';
import { createAcme, fixture, FIXTURES, pathSource } from './fixtures/test-org.js';
import { findMapping } from './find-mapping.js';
import { importAndRecalculate } from './import-and-recalculate.js';
import type { ImportSource } from './import-file.js';

// Migration 0016: an organisation's batches and versions read 1, 2, 3 whatever other
// organisations do, and a rejected import or a dry run (rolled back) leaves no gap.
describe.each(ENGINES)('batch and version numbers on %s', (engine) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-numbers-'));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const importInto = async (org: Organisation, source: ImportSource, dryRun = false) => {
    const ledger = sqlLedger(t.db);
    return importAndRecalculate(ledger, loadLibrary(), {
      org, source, mapping: await findMapping(ledger.stores.imports, org.orgId, 'canonical'), quarantine: false, importedBy: 'test', dryRun,
    });
  };
  /** The canonical fixture with its source ids prefixed: other content, other activities. */
  const variant = async (prefix: string): Promise<ImportSource> => {
    const path = join(dir, `${prefix}-${engine}.csv`);
    const [header, ...rows] = (await readFile(`${FIXTURES}activities-canonical.csv`, 'utf8')).trimEnd().split('\n');
    await writeFile(path, [header, ...rows.map((r) => `${prefix}${r}`)].join('\n') + '\n');
    return pathSource(path);
  };
  const numbers = async (org: Organisation) => ({
    batches: (await t.db.query<{ n: number }>('SELECT batch_id::int AS n FROM import_batches WHERE org_id = $1 ORDER BY 1', [org.orgId])).map((r) => r.n),
    versions: (await t.db.query<{ n: number }>('SELECT version_id::int AS n FROM calc_versions WHERE org_id = $1 ORDER BY 1', [org.orgId])).map((r) => r.n),
  });

  it('counts each organisation\'s batches and versions from 1, without gaps', async () => {
    const a = await createAcme(t.db, 'numbers-a');
    const b = await createAcme(t.db, 'numbers-b');
    expect((await importInto(a, fixture('activities-canonical.csv'))).result).toMatchObject({ status: 'imported', batchId: 1 });
    const inB = await importInto(b, fixture('activities-canonical.csv'));
    expect(inB.result).toMatchObject({ status: 'imported', batchId: 1 });
    expect(inB.calc?.versionId).toBe(1);
    expect((await importInto(a, fixture('activities-with-errors.csv'))).result.status).toBe('rejected');
    expect((await importInto(a, await variant('dry-'), true)).result.status).toBe('valid');
    const second = await importInto(a, await variant('next-'));
    expect(second.result).toMatchObject({ status: 'imported', batchId: 2 });
    expect(second.calc?.versionId).toBe(2);
    expect(await numbers(a)).toEqual({ batches: [1, 2], versions: [1, 2] });
    expect(await numbers(b)).toEqual({ batches: [1], versions: [1] });
  });

  it('gives two imports into one organisation at the same time a number each', async () => {
    const c = await createAcme(t.db, 'numbers-c');
    const results = await Promise.all(['x-', 'y-', 'z-'].map(async (p) => (await importInto(c, await variant(p))).result));
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(results.map((r) => r.batchId).sort()).toEqual([1, 2, 3]);
    expect(await numbers(c)).toEqual({ batches: [1, 2, 3], versions: [1, 2, 3] });
  });
});
