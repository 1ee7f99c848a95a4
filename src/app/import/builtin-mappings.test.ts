import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { BUILTIN_MAPPINGS } from './builtin-mappings.js';
import { createAcme, depsFor, fixture, pathSource } from './fixtures/test-org.js';
import { findMapping } from './find-mapping.js';
import { formatRowError, importFile } from './import-file.js';

/** Each built-in mapping, its fixture, and what its rows must become against the shipped library. */
const CASES: { mapping: string; file: string; rows: number; expect: Record<string, unknown>[] }[] = [
  { mapping: 'canonical', file: 'activities-canonical.csv', rows: 5, expect: [{ source_id: 'PHL-ELEC-2024-01', scope: 2 }] },
  { mapping: 'utility-bill', file: 'utility-bill.csv', rows: 4, expect: [
    // Bill end is the last day read: 2024-01-31 inclusive → 2024-02-01 exclusive.
    { source_id: 'INV-PECO-240131', period_start: '2024-01-01', period_end: '2024-02-01', scope: 2, unit: 'kWh', quantity: 184320, activity: 'electricity.grid', carrier: 'electricity', supplier: 'PECO Energy' },
    { source_id: 'TXU-88120455', period_start: '2024-01-04', period_end: '2024-02-03' },
  ] },
  { mapping: 'fuel-card', file: 'fuel-card.csv', rows: 4, expect: [
    { source_id: 'TRK-014/TX-000184', period_start: '2024-03-02', period_end: '2024-03-03', scope: 1, quantity: 412.6, unit: 'L', activity: 'mobile.diesel-fuel' },
    { source_id: 'VAN-07/TX-000185', activity: 'mobile.motor-gasoline', supplier: 'Wawa #8123' },
  ] },
  { mapping: 'travel-agency', file: 'travel-agency.csv', rows: 4, expect: [
    { source_id: 'BK-88120', scope: 3, category: 6, method: 'distance-based', quantity: 5540, unit: 'pkm', activity: 'travel.air.long-haul.economy.with-rf' },
    { source_id: 'BK-88122', activity: 'travel.air.long-haul.business.with-rf' },
    { source_id: 'BK-88123', activity: 'travel.air.domestic.average.with-rf' },
  ] },
  { mapping: 'erp-spend', file: 'erp-spend.csv', rows: 4, expect: [
    { source_id: 'AP-102334', scope: 3, category: 1, method: 'spend-based', quantity: 48250, unit: 'USD', price_year: 2021, activity: 'spend.naics.334111', supplier: 'Dell Technologies' },
    { source_id: 'AP-102335', price_year: null, activity: 'spend.naics.424120' },
  ] },
  { mapping: 'freight', file: 'freight.csv', rows: 4, expect: [
    { source_id: 'SH-55012', scope: 3, category: 4, quantity: 7007, unit: 'tkm', activity: 'transport.medium-and-heavy-duty-truck', supplier: 'J.B. Hunt' },
    { source_id: 'SH-55014', activity: 'transport.waterborne-craft' },
  ] },
  { mapping: 'refrigerant', file: 'refrigerant.csv', rows: 4, expect: [
    { source_id: 'RTU-3 rooftop unit/SV-2024-031', scope: 1, quantity: 2.4, unit: 'kg', activity: 'refrigerant.r-410a' },
    { source_id: 'Chiller CH-1/SV-2024-032', activity: 'gas.hfc134a' },
    { source_id: 'Walk-in cooler WIC-2/SV-2024-033', activity: 'refrigerant.r-404a' },
    { source_id: 'Split AC office/SV-2024-034', activity: 'gas.hfc32' },
  ] },
];

describe.each(ENGINES)('built-in mappings on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('has a fixture for every built-in mapping', () => {
    expect(CASES.map((c) => c.mapping).sort()).toEqual(Object.keys(BUILTIN_MAPPINGS).sort());
  });

  it.each(CASES)('$mapping: $file validates against the library and imports', async ({ mapping, file, rows, expect: wanted }) => {
    const org = await createAcme(t.db, `builtin-${mapping}`);
    const deps = depsFor(t.db);
    const result = await importFile(deps, { org, source: fixture(file), mapping: await findMapping(deps.imports, org.orgId, mapping), quarantine: false, importedBy: 'test' });
    expect(result.errors.map(formatRowError)).toEqual([]);
    expect(result).toMatchObject({ status: 'imported', rowsImported: rows });
    const stored = await t.db.query<Record<string, unknown>>(
      `SELECT source_id, period_start, period_end, scope, category, method, quantity, unit, price_year, factor_id, activity, carrier, supplier
       FROM activity_records WHERE org_id = $1 ORDER BY row_number`, [org.orgId]);
    for (const w of wanted) expect(stored.find((s) => s.source_id === w.source_id)).toMatchObject(w);
  });

  it('erp-spend: a supplier-reported figure becomes a supplier-specific line of reported CO2e', async () => {
    const org = await createAcme(t.db, 'builtin-erp-supplier');
    const deps = depsFor(t.db);
    const result = await importFile(deps, { org, source: fixture('erp-spend-supplier.csv'), mapping: await findMapping(deps.imports, org.orgId, 'erp-spend'), quarantine: false, importedBy: 'test' });
    expect(result).toMatchObject({ status: 'imported', rowsImported: 2, rowsQuarantined: 0 });
    const [row] = await t.db.query(`SELECT method, quantity, unit, factor_id, activity FROM activity_records WHERE org_id = $1 AND source_id = 'AP-102402'`, [org.orgId]);
    expect(row).toEqual({ method: 'supplier-specific', quantity: 182400, unit: 'kg', factor_id: 'reported/co2e', activity: null });
  });

  it('names the file\'s own column of a bad field, beside the field', async () => {
    const org = await createAcme(t.db, 'builtin-utility-column');
    const deps = depsFor(t.db);
    const dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-column-'));
    const path = join(dir, 'bills.csv');
    await writeFile(path, 'Account,Invoice,Meter site,Meter number,Bill start,Bill end,kWh,Amount,Supplier\n'
      + '4412,INV-1,Philadelphia Plant,E-1,2024-01-01,2024-01-31,"18,320",21450.33,PECO Energy\n'
      + '4412,INV-2,Paris Office,E-1,2024-02-01,2024-02-29,17190,20011.87,PECO Energy\n');
    const result = await importFile(deps, { org, source: pathSource(path), mapping: await findMapping(deps.imports, org.orgId, 'utility-bill'), quarantine: false, importedBy: 'test' });
    await rm(dir, { recursive: true, force: true });
    expect(result.errors.map(formatRowError)).toEqual([
      'bills.csv: row 2, field "quantity" (column "kWh"): "18,320" is not a number (write plain digits like 1234.5, no thousands separators or units)',
      expect.stringMatching(/^bills\.csv: row 3, field "site" \(column "Meter site"\): unknown site "Paris Office"/),
    ]);
  });
});
