import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { reportInventory } from '../report/report-inventory.js';
import { updateOrganisation } from '../org/update-organisation.js';
import { loadDemo } from './load-demo.js';

const ROOT = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));

// The demo goes through org apply → import → recalculate → report, like a user, and must
// reproduce seed 000: Scope 1+2 (market-based) about −17 %, Scope 3 about +23 % (each within
// 0.5 percentage points), revenue +20 %, about 87 % of Scope 3 from supplier data.
describe.each(ENGINES)('demo organisations on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await loadDemo(sqlLedger(t.db), ROOT, loadLibrary());
  }, 120_000);
  afterAll(async () => t.dispose());

  it("reproduces the figures of Jason's Team's progress report", async () => {
    const r = await reportInventory(sqlStores(t.db), { org: 'jasons-team' });
    expect(r.year).toBe('FY2022');
    expect(r.previous).not.toBeNull();
    expect(r.coverage).toEqual({ months: 12, previous_months: 12, same_months: true }); // two whole fiscal years: the changes are like for like
    expect(Math.abs((r.change_pct?.scope12_market_kg ?? 0) - -17)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((r.change_pct?.scope3_kg ?? 0) - 23)).toBeLessThanOrEqual(0.5);
    expect(r.change_pct?.revenue).toBe(20);
    expect(Math.abs((r.supplier_specific_share_pct ?? 0) - 87)).toBeLessThanOrEqual(0.5);
    expect(r.by_site.map((s) => s.name)).toEqual(expect.arrayContaining(['Shanghai Office', 'Hanoi Engineering Centre', 'Dublin Data Centre']));
    expect(r.warnings).toEqual([]);
    // Every certificate passes the quality criteria; the US and Irish ones are used in full, the
    // Chinese one only up to Shanghai's consumption in its vintage year (the rest stays unclaimed).
    expect(r.instruments.every((i) => i.excluded === null && i.applied_mwh > 0)).toBe(true);
    expect(r.instruments.filter((i) => i.remaining_mwh === 0).map((i) => i.id).sort()).toEqual(['GO-IE-2022-0001', 'REC-US-2022-0001']);
  });

  it('is idempotent: loading again imports nothing and makes no new version', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM calc_versions');
    const again = await loadDemo(sqlLedger(t.db), ROOT, loadLibrary());
    expect(again.every((d) => d.recalculated === null && d.imports.every((i) => i.status === 'duplicate'))).toBe(true);
    expect(await t.db.query('SELECT count(*)::int AS n FROM calc_versions')).toEqual(before);
  });

  it('puts an edited demo organisation back as its file says, unless asked to leave what is there', async () => {
    const org = sqlStores(t.db).org;
    await updateOrganisation(org, 'mekong-devices', { name: 'Mekong Devices (edited)' });
    const steps: string[] = [];
    const kept = await loadDemo(sqlLedger(t.db), ROOT, loadLibrary(), (s) => steps.push(s), { onlyMissing: true });
    expect(kept.every((d) => d.recalculated === null && d.imports.every((i) => i.status === 'duplicate'))).toBe(true);
    expect(steps).toContain('mekong-devices: organisation left as it is (carbon-ledger demo applies its file again)');
    expect((await org.findOrg('mekong-devices'))?.name).toBe('Mekong Devices (edited)');
    await loadDemo(sqlLedger(t.db), ROOT, loadLibrary());
    expect((await org.findOrg('mekong-devices'))?.name).toBe('Mekong Devices Group');
  });

  it('consolidates the second organisation by equity share, with its 60 % subsidiary', async () => {
    const r = await reportInventory(sqlStores(t.db), { org: 'mekong-devices', year: '2024' });
    expect(r.consolidation).toBe('equity_share');
    const danang = r.by_entity.find((e) => e.name === 'Mekong Devices Vietnam JSC');
    // Viet Nam grid factor 2023 (DCC/MONRE): 0.6592 t CO2e/MWh; 880 MWh a month before seasonality, 60 % owned.
    const [row] = await t.db.query<{ mwh: number }>(`SELECT sum(quantity)::float8 AS mwh FROM activity_records a JOIN sites s USING (org_id, site_id)
      WHERE s.name = 'Da Nang Factory' AND a.scope = 2 AND a.period_start >= '2024-01-01' AND a.period_start < '2025-01-01'`);
    expect(danang?.scope2_location_kg).toBeCloseTo((row?.mwh ?? 0) * 659.2 * 0.6, 0);
    expect(r.by_entity.map((e) => e.name)).toContain('Cork Design Studio Ltd');
  });
});
