import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { applyOrgFile, type InTransaction } from './apply-org-file.js';
import { describeOrganisation } from './describe-organisation.js';
import { parseOrgFile } from './org-file.js';

const example = readFileSync(new URL('../../../examples/org-example.yaml', import.meta.url), 'utf8');

const fiscal = `
slug: fiscal-co
name: Fiscal Co
consolidation: operational_control
year_start_month: 7
entities:
  - { name: Fiscal Co Inc., country: US, periods: [{ from: 2019-07-01, ownership_pct: 100, financial_control: true, operational_control: true }] }
sites:
  - { name: Seattle HQ, entity: Fiscal Co Inc., country: US, grid_region: US-NWPP, market: US }
metrics:
  - { metric: revenue, year: FY2022, value: 100000000, unit: USD }
`;

const factors = loadLibrary().index;

describe.each(ENGINES)('org apply on %s', (engine) => {
  let t: TestDatabase;
  let store: SqlOrgStore;
  let inTransaction: InTransaction;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    store = new SqlOrgStore(t.db);
    inTransaction = (work) => t.db.transaction((tx) => work(new SqlOrgStore(tx)));
  });
  afterAll(async () => t.dispose());

  const apply = async (text: string) => applyOrgFile(inTransaction, parseOrgFile(text, 'org.yaml'), 'org.yaml');

  it('applies the example twice to the same state, and says the second changed nothing', async () => {
    const first = await apply(example);
    expect(first).toMatchObject({ created: true, changed: true, counts: { entities: 2, periods: 3, sites: 2, business_units: 2, metrics: 4 } });
    const state = await describeOrganisation(store, factors, 'lotus-lamps', '2024-06-30');
    const second = await apply(example);
    expect(second).toMatchObject({ created: false, changed: false });
    expect(await describeOrganisation(store, factors, 'lotus-lamps', '2024-06-30')).toEqual(state);
    expect(state.entities.map((e) => [e.name, e.share])).toEqual([['Lotus Lamps Inc.', 1], ['Lotus Lamps Vietnam LLC', 0.6]]);
    expect(state.sites.find((s) => s.name === 'Hai Phong factory')).toMatchObject({ grid_region: 'VN', market: 'VN' });
    expect(state.metrics.find((m) => m.metric === 'revenue' && m.year === '2024')).toMatchObject({ period_start: '2024-01-01', period_end: '2025-01-01' });
  });

  it('updates what the file changes and keeps what it leaves out', async () => {
    const changed = example.replace('ownership_pct: 60,', 'ownership_pct: 65,').replace('business_units: [Lighting, Services]', 'business_units: [Lighting]');
    expect(await apply(changed)).toMatchObject({ created: false, changed: true });
    const d = await describeOrganisation(store, factors, 'lotus-lamps', '2024-06-30');
    expect(d.entities[1]?.share).toBeCloseTo(0.65, 12);
    expect(d.business_units).toEqual(['Lighting', 'Services']);
  });

  it('reads `year:` with the organisation\'s fiscal year (FY2022 from July = 2021-07-01..2022-07-01)', async () => {
    await apply(fiscal);
    const d = await describeOrganisation(store, factors, 'fiscal-co', '2022-01-01');
    expect(d.metrics).toEqual([{ metric: 'revenue', year: 'FY2022', period_start: '2021-07-01', period_end: '2022-07-01', value: 100_000_000, unit: 'USD' }]);
    // A later file without year_start_month keeps the stored one for its years.
    await apply('slug: fiscal-co\nname: Fiscal Co\nconsolidation: operational_control\nmetrics: [{ metric: employees, year: 2023, value: 1200, unit: FTE }]\n');
    const after = await describeOrganisation(store, factors, 'fiscal-co', '2022-01-01');
    expect(after.metrics[0]).toMatchObject({ metric: 'employees', year: 'FY2023', period_start: '2022-07-01' });
  });

  it('refuses a bad grid region naming sites[0].grid_region, and writes nothing', async () => {
    const bad = fiscal.replace('fiscal-co', 'bad-grid').replace('grid_region: US-NWPP', 'grid_region: VN-N');
    await expect(apply(bad)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('org.yaml: sites[0].grid_region: "VN-N" is not within the site\'s country US') });
    expect(await store.findOrg('bad-grid')).toBeNull();
  });

  it('rolls everything back when the file fails half-way (a site naming an unknown entity)', async () => {
    const bad = fiscal.replace('fiscal-co', 'half-way').replace('entity: Fiscal Co Inc.', 'entity: Nobody Ltd.');
    await expect(apply(bad)).rejects.toThrow('org.yaml: sites[0].entity: no entity "Nobody Ltd." in the file or in organisation half-way');
    expect(await store.findOrg('half-way')).toBeNull();
    const twice = fiscal.replace('fiscal-co', 'twice').replace('metrics:', 'metrics:\n  - { metric: revenue, period_start: 2021-07-01, period_end: 2022-07-01, value: 1, unit: USD }');
    await expect(apply(twice)).rejects.toThrow('org.yaml: metrics[1]: revenue from 2021-07-01 is also given by metrics[0]');
    expect(await store.findOrg('twice')).toBeNull();
  });
});
