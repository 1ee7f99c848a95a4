import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRow } from '../../db/database.js';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { FactorIndex } from '../../core/index.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { reportInventory } from '../report/report-inventory.js';
import { explainRecord } from './explain-record.js';
import { checkText } from './record-checks.js';
import type { Organisation } from './model.js';
import { recalculate } from './recalculate.js';

const LB = 0.45359237;

// Records written straight into the schema (the import path has its own tests), then calculated,
// reported and explained on both engines.
describe.each(ENGINES)('ledger calculation and inventory on %s', (engine) => {
  let t: TestDatabase;
  let org: Organisation;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const s = sqlStores(t.db).org;
    org = await s.createOrg({ slug: 'acme', name: 'Acme', consolidation: 'equity_share', yearStartMonth: 7, currency: 'USD' });
    const parent = await s.upsertEntity(org.orgId, 'Acme Inc', 'US');
    const sub = await s.upsertEntity(org.orgId, 'Acme Viet Nam', 'VN');
    await s.setEntityPeriod(org.orgId, { entityId: parent.entityId, validFrom: '2019-01-01', ownershipPct: 100, financialControl: true, operationalControl: true });
    await s.setEntityPeriod(org.orgId, { entityId: sub.entityId, validFrom: '2019-01-01', ownershipPct: 60, financialControl: true, operationalControl: true });
    const hq = await s.upsertSite(org.orgId, { name: 'HQ', entityId: parent.entityId, country: 'US', gridRegion: 'US-RFCE', market: 'US' });
    const hanoi = await s.upsertSite(org.orgId, { name: 'Hanoi', entityId: sub.entityId, country: 'VN', gridRegion: 'VN', market: 'VN' });
    await s.setMetric(org.orgId, { metric: 'revenue', periodStart: '2021-07-01', periodEnd: '2022-07-01', value: 50e6, unit: 'USD' });
    const [b] = await t.db.query<{ batch_id: number }>(`INSERT INTO import_batches (org_id, batch_id, file_name, content_hash, mapping, kind, rows_total,
      rows_imported, rows_quarantined, imported_by) VALUES ($1, 1, 'bills.csv', 'abc123', 'canonical', 'activities', 3, 3, 0, 'test') RETURNING batch_id`, [org.orgId]);
    const cols = ['org_id', 'batch_id', 'row_number', 'site_id', 'period_start', 'period_end', 'scope', 'category', 'quantity', 'unit', 'factor_id', 'activity'];
    await t.db.copyFrom('activity_records', cols, [
      csvRow([org.orgId, b?.batch_id, 2, hq.siteId, '2021-08-01', '2021-09-01', 1, null, 100, 'mmBtu', 'epa-hub-2024/t1/natural-gas/mmBtu', null]),
      csvRow([org.orgId, b?.batch_id, 3, hq.siteId, '2021-08-01', '2021-09-01', 2, null, 10, 'MWh', null, 'electricity.grid']),
      csvRow([org.orgId, b?.batch_id, 4, hanoi.siteId, '2022-01-01', '2022-02-01', 2, null, 100, 'MWh', null, 'electricity.grid']),
    ]);
    await t.db.query(`INSERT INTO instruments (org_id, instrument_id, batch_id, kind, market, mwh, kg_co2e_per_mwh, vintage)
      VALUES ($1, 'rec-1', $2, 'certificate', 'US', 4, 0, 2021)`, [org.orgId, Number(b?.batch_id)]);
  });
  afterAll(async () => t.dispose());

  it('calculates into versions and never overwrites one', async () => {
    const v1 = await recalculate(sqlLedger(t.db), org, 'first', loadLibrary());
    const v2 = await recalculate(sqlLedger(t.db), org, 'second', loadLibrary());
    expect(v2.versionId).toBeGreaterThan(v1.versionId);
    const counts = await t.db.query<{ version_id: number; n: number }>(
      'SELECT version_id, count(*)::int AS n FROM results WHERE org_id = $1 GROUP BY version_id ORDER BY version_id', [org.orgId]);
    expect(counts.map((c) => c.n)).toEqual([3, 3]);
  });

  it('reports the fiscal-year inventory with the equity share applied', async () => {
    const r = await reportInventory(sqlStores(t.db), { org: 'acme', year: 'FY2022' });
    expect(r.year).toBe('FY2022');
    // EPA Hub 2024: 100 mmBtu natural gas = 5311.45 kg CO2e (AR5).
    expect(r.totals.scope1_kg).toBe(5311.45);
    // eGRID2022 RFCE 10 MWh (AR5) + Viet Nam 2022 grid 0.6766 t/MWh × 100 MWh × 60 % equity share.
    const rfce = 10 * (657.386 + 0.045 * 28 + 0.006 * 265) * LB;
    expect(r.totals.scope2_location_kg).toBeCloseTo(rfce + 67_660 * 0.6, 2);
    // Market-based: 4 MWh covered by the certificate; 6 MWh at the Green-e RFCE residual mix (599.24 lb/MWh).
    expect(r.totals.scope2_market_kg).toBeCloseTo(6 * 599.24 * LB + 67_660 * 0.6, 2);
    expect(r.by_entity.map((e) => e.name)).toEqual(['Acme Inc', 'Acme Viet Nam']);
    expect(r.intensity.per_revenue?.value).toBeCloseTo(r.totals.total_market_kg / 1000 / 50, 3);
    expect(r.previous).toBeNull();
    expect(r.warnings).toEqual([]);
    const empty = await reportInventory(sqlStores(t.db), { org: 'acme', year: 'FY2030' });
    expect([empty.totals.total_market_kg, empty.warnings]).toEqual([0, [`calculation version ${r.calc_version.id} has no results in FY2030: every figure of that year is 0`]]);
    expect(r.instruments).toEqual([{ id: 'rec-1', applied_mwh: 4, remaining_mwh: 0, excluded: null }]);
    // The 2021 certificate covers 2021 consumption: FY2021 (2020-07 … 2021-06) shows it too, FY2023 does not.
    expect((await reportInventory(sqlStores(t.db), { org: 'acme', year: 'FY2021' })).instruments.map((i) => i.id)).toEqual(['rec-1']);
    expect((await reportInventory(sqlStores(t.db), { org: 'acme', year: 'FY2023' })).instruments).toEqual([]);
  });

  it('explains a record from input row to factor source', async () => {
    const [rec] = await t.db.query<{ record_id: number }>(`SELECT record_id FROM activity_records WHERE org_id = $1 AND row_number = 3`, [org.orgId]);
    const trace = await explainRecord(sqlStores(t.db), loadLibrary(), Number(rec?.record_id), 'acme');
    expect(trace.input).toMatchObject({ file: 'bills.csv', content_hash: 'abc123', row_number: 3, site: 'HQ', region_used: 'US-RFCE', carrier: null, supplier: null });
    expect(trace.factor?.id).toBe('epa-hub-2024/t6/rfce/total-output');
    expect(trace.factor?.dataset?.licence).toMatch(/public domain/);
    expect(trace.explanation).toContain('4 MWh × 0 kg/MWh (certificate: rec-1)');
    expect(trace.checks[0]).toEqual({ code: 'recomputed_equal', kg: trace.result?.co2e_kg });
    expect(trace.reported).toMatchObject({ approach: 'equity_share', share: 1, co2e_kg: trace.result?.co2e_kg });
    // The market-based parts: 4 MWh certificate at 0, then 6 MWh at the Green-e RFCE residual mix (599.24 lb/MWh).
    expect(trace.result?.market_parts?.map((p) => [p.step, p.mwh, p.kg_co2e_per_mwh])).toEqual([['certificate', 4, 0], ['residual_mix', 6, expect.closeTo(599.24 * LB, 6)]]);
    // Hanoi: Viet Nam 2022 grid 0.6766 t/MWh × 100 MWh, of which the report counts the 60 % equity share.
    const [hanoi] = await t.db.query<{ record_id: number }>(`SELECT record_id FROM activity_records WHERE org_id = $1 AND row_number = 4`, [org.orgId]);
    const vn = await explainRecord(sqlStores(t.db), loadLibrary(), Number(hanoi?.record_id), 'acme');
    expect([vn.result?.co2e_kg, vn.reported.share, vn.reported.co2e_kg, vn.reported.market_co2e_kg]).toEqual([67_660, 0.6, 40_596, 40_596]);
    expect(vn.reported.reason).toMatch(/^equity share: 60% owned → 60%, from \d{4}-\d{2}-\d{2}$/);
  });

  it('still gives the trace and the stored result when the library no longer holds the factor, saying why it cannot recompute', async () => {
    const [gas] = await t.db.query<{ record_id: number }>(`SELECT record_id FROM activity_records WHERE org_id = $1 AND row_number = 2`, [org.orgId]);
    const lib = loadLibrary();
    const without = { ...lib, index: new FactorIndex([...lib.index.all()].filter((f) => f.id !== 'epa-hub-2024/t1/natural-gas/mmBtu')) };
    const trace = await explainRecord(sqlStores(t.db), without, Number(gas?.record_id), 'acme');
    // EPA Hub 2024 natural gas, 100 mmBtu: 53.06 kg CO2 + 1 g CH4 + 0.1 g N2O per mmBtu (AR5), as stored by the version.
    expect(trace.result?.co2e_kg).toBe(5311.45);
    expect([trace.explanation, trace.factor]).toEqual([null, null]);
    expect(trace.checks.map(checkText)).toEqual(['cannot recompute with this factor library: unknown factor id "epa-hub-2024/t1/natural-gas/mmBtu"']);
    expect(trace.formula).toBeNull();
  });
});
