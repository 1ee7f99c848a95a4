import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createAcme, depsFor, pathSource } from './fixtures/test-org.js';
import { importFile } from './import-file.js';
import { parseMapping } from './mapping-schema.js';

const ROWS = 50_000;
/** Wide rows (~1 KB: long supplier names, as ERP exports have) so that the file is ~50 MB. */
const PAD = 'x'.repeat(900);

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('source_id,site,period,scope,quantity,unit,activity,supplier\n');
  for (let i = 0; i < ROWS; i++) {
    const line = `R-${i},${i % 2 === 0 ? 'Philadelphia Plant' : 'Houston DC'},2024-${String((i % 12) + 1).padStart(2, '0')},2,${1000 + (i % 977)},kWh,electricity.grid,Supplier ${i} ${PAD}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

// Memory must not follow the file: a streaming import holds one chunk of rows at a time. Measured
// with forced GCs, the heap stays within ~10 MB of its start for 50k to 200k wide rows; without
// them RSS rises ~100 MB as V8 collects lazily. The bound is loose on purpose (no GC control, no
// timing); parsed rows of the whole file would take several times the file's 46 MB.
// PostgreSQL only: an in-memory PGlite keeps the imported data in this process by design.
describe('import memory', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-mem-'));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it(`imports ${ROWS} wide rows (~50 MB) without resident memory growing with the file`, async () => {
    const path = join(dir, 'big.csv');
    await writeCsv(path);
    const source = pathSource(path);
    const org = await createAcme(t.db);
    const deps = depsFor(t.db);
    let peak = 0;
    const before = process.memoryUsage().rss;
    const result = await importFile(deps, {
      org, source, mapping: { name: 'canonical', mapping: parseMapping('canonical', {}) }, quarantine: false, importedBy: 'test',
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    expect(result).toMatchObject({ status: 'imported', rowsImported: ROWS });
    const growthMb = (peak - before) / 2 ** 20;
    expect(growthMb).toBeLessThan(192);
  });
});
