import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { SqlImportStore } from './sql-import-store.js';
import { SqlOrgStore } from './sql-org-store.js';

const batch = { fileName: 'bills.csv', contentHash: 'a'.repeat(64), mapping: 'utility-bill', kind: 'activities' as const, importedBy: 'ana' };

describe.each(ENGINES)('SqlImportStore on %s', (engine) => {
  let t: TestDatabase;
  let store: SqlImportStore;
  let orgId: number;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    store = new SqlImportStore(t.db);
    orgId = (await new SqlOrgStore(t.db).createOrg({ slug: 'store', name: 'Store', consolidation: 'equity_share', yearStartMonth: 1, currency: 'USD' })).orgId;
  });
  afterAll(async () => t.dispose());

  it('saves, replaces and lists mappings as JSON', async () => {
    expect(await store.getMapping(orgId, 'bills')).toBeNull();
    await store.saveMapping(orgId, 'bills', { columns: { kWh: 'quantity' } });
    await store.saveMapping(orgId, 'bills', { columns: { 'Usage kWh': 'quantity' }, constants: { scope: 2 } });
    expect(await store.getMapping(orgId, 'bills')).toEqual({ columns: { 'Usage kWh': 'quantity' }, constants: { scope: 2 } });
    expect((await store.listMappings(orgId)).map((m) => m.name)).toEqual(['bills']);
  });

  it('writes a batch in one transaction: rolled back on a throw, skipped for a known hash', async () => {
    await expect(store.writeBatch(orgId, batch, async (w) => {
      await w.addQuarantined([{ rowNumber: 2, label: 'row', columns: ['kWh'], raw: { kWh: 'x' }, errors: [{ field: 'quantity', message: 'not a number' }], sourceId: null }]);
      throw new Error('killed');
    })).rejects.toThrow('killed');
    expect(await store.findBatchByHash(orgId, batch.contentHash)).toBeNull();

    const done = await store.writeBatch(orgId, batch, async (w) => {
      await w.addQuarantined([{ rowNumber: 2, label: 'row', columns: ['kWh', 'a "quoted", \\ column'], raw: { kWh: 'x, "y"' }, errors: [{ field: 'quantity', message: 'not a number' }], sourceId: 'INV-7, "b"' }]);
      return w.finish({ rowsTotal: 1, rowsImported: 0, rowsQuarantined: 1 });
    });
    expect(done).toMatchObject({ fileName: 'bills.csv', rowsTotal: 1, rowsQuarantined: 1, importedBy: 'ana', mapping: 'utility-bill' });
    expect(await store.findBatchByHash(orgId, batch.contentHash)).toEqual(done);
    expect(await store.writeBatch(orgId, batch, async () => 'ran')).toBeNull();
    const [q] = await t.db.query<{ raw: unknown }>('SELECT raw FROM quarantined_rows WHERE org_id = $1', [orgId]);
    expect(q?.raw).toEqual({ kWh: 'x, "y"' });
    expect(await store.listQuarantined(orgId, done?.batchId ?? 0)).toEqual([
      { rowNumber: 2, label: 'row', columns: ['kWh', 'a "quoted", \\ column'], raw: { kWh: 'x, "y"' }, errors: [{ field: 'quantity', message: 'not a number' }], sourceId: 'INV-7, "b"', inLedger: null },
    ]);
    expect(await store.listBatches(orgId)).toHaveLength(1);
  });

  it('refreshes the planner\'s statistics after a batch larger than a tenth of the records it last counted', async () => {
    const orgs = new SqlOrgStore(t.db);
    const entity = await orgs.upsertEntity(orgId, 'Store Inc', 'US');
    const site = await orgs.upsertSite(orgId, { name: 'Depot', entityId: entity.entityId, country: 'US', gridRegion: 'US-RFCE', market: 'US' });
    const records = (n: number) => Array.from({ length: n }, (_, i) => ({
      rowNumber: i + 2, sourceId: null, siteId: site.siteId, unitId: null, periodStart: '2024-01-01', periodEnd: '2024-02-01', scope: 1 as const,
      category: null, method: null, quantity: i, unit: 'mmBtu', priceYear: null, factorId: 'epa-hub-2024/t1/natural-gas/mmBtu', activity: null,
      carrier: null, supplier: null,
    }));
    const counted = async () => Number((await t.db.query<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE oid = 'activity_records'::regclass`))[0]?.n);
    const write = (hash: string, n: number) => store.writeBatch(orgId, { ...batch, contentHash: hash.repeat(64) }, async (w) => (await w.prepareActivities(records(n))).write());
    await write('d', 200);
    expect(await counted()).toBe(200);
    await write('e', 60); // 60 ≤ 50 + 200 / 10: the statistics stay as they were
    expect(await counted()).toBe(200);
    await write('f', 80);
    expect(await counted()).toBe(340);

    // Ids come in blocks of the sequence's step (migrations/0012): ascending within a batch, each
    // batch from a block of its own, and a row inserted without an id takes a block too.
    const ids = async (hash: string, chunks: number[]) => store.writeBatch(orgId, { ...batch, contentHash: hash.repeat(64) }, async (w) => {
      const all: number[] = [];
      for (const n of chunks) {
        const prepared = await w.prepareActivities(records(n));
        await prepared.write();
        all.push(...prepared.ids);
      }
      return all;
    }) as Promise<number[]>;
    const [step] = await t.db.query<{ step: number }>(`SELECT seqincrement AS step FROM pg_sequence WHERE seqrelid = 'activity_records_record_id_seq'::regclass`);
    expect(Number(step?.step)).toBe(1000);
    const big = await ids('g', [1500, 1500, 30_000]);
    expect(big).toEqual([...big].sort((a, b) => a - b));
    expect(new Set(big).size).toBe(33_000);
    expect((big[0] as number) % 1000).toBe(1);
    const small = await ids('h', [3]);
    expect(small[0]).toBeGreaterThan(big.at(-1) as number);
    expect([(small[0] as number) % 1000, (small[1] as number) - (small[0] as number), (small[2] as number) - (small[0] as number)]).toEqual([1, 1, 2]);
  });

  it('upserts metrics and remembers their batch and row', async () => {
    const m = { metric: 'revenue', periodStart: '2024-01-01', periodEnd: '2024-04-01', unit: 'USD' };
    const first = await store.writeBatch(orgId, { ...batch, contentHash: 'b'.repeat(64), kind: 'metrics' }, async (w) => {
      await w.addMetrics([{ ...m, value: 1, rowNumber: 2 }]);
      return w.batchId;
    });
    const second = await store.writeBatch(orgId, { ...batch, contentHash: 'c'.repeat(64), kind: 'metrics' }, async (w) => {
      await w.addMetrics([{ ...m, value: 2, rowNumber: 5 }]);
      return w.batchId;
    });
    expect(second).not.toBe(first);
    const rows = await t.db.query('SELECT value, batch_id, row_number FROM org_metrics WHERE org_id = $1', [orgId]);
    expect(rows).toEqual([{ value: 2, batch_id: second, row_number: 5 }]);
  });
});
