import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { sqlLedger } from '../../db/sql-stores.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createAcme, fixture, pathSource } from '../import/fixtures/test-org.js';
import { findMapping } from '../import/find-mapping.js';
import { importAndRecalculate } from '../import/import-and-recalculate.js';
import { formatRowError, type ImportSource } from '../import/import-file.js';
import type { Ledger } from './ledger-ports.js';
import type { Organisation } from './model.js';
import { listRecords } from '../report/list-records.js';
import { inventoryTables } from '../report/inventory-table.js';
import { reportInventory } from '../report/report-inventory.js';
import { explainRecord } from './explain-record.js';
import { checkText } from './record-checks.js';
import { recalculate } from './recalculate.js';

const HEADER = 'source_id,site,business_unit,period,scope,category,quantity,unit,factor,activity,supplier\n';
const JANUARY = HEADER + [
  'PHL-E-01,Philadelphia Plant,Manufacturing,2024-01,2,,100000,kWh,,electricity.grid,',
  'HOU-E-01,Houston DC,Logistics,2024-01,2,,300,MWh,,electricity.grid,',
  'LON-E-01,London Office,Corporate,2024-01,2,,150000,kWh,,electricity.grid,',
  'PHL-G-01,Philadelphia Plant,Manufacturing,2024-01,1,,2150.4,mmBtu,,fuel.natural-gas,',
  'PO-1,Philadelphia Plant,Manufacturing,2024-01,3,1,48250,USD,,spend.naics.334111,Dell Technologies',
].join('\n') + '\n';
const FEBRUARY = HEADER + [
  'PHL-E-02,Philadelphia Plant,Manufacturing,2024-02,2,,400000,kWh,,electricity.grid,',
  'HOU-E-02,Houston DC,Logistics,2024-02,2,,900,MWh,,electricity.grid,',
  'LON-E-02,London Office,Corporate,2024-02,2,,150000,kWh,,electricity.grid,',
  'PHL-G-02,Philadelphia Plant,Manufacturing,2024-02,1,,1980,mmBtu,,fuel.natural-gas,',
].join('\n') + '\n';

/** The ledger, counting the whole recalculations that read every record back. */
function countingLedger(db: Database): { ledger: Ledger; fullReads: () => number } {
  const base = sqlLedger(db);
  let reads = 0;
  const ledger: Ledger = {
    stores: base.stores,
    transaction: (work) => base.transaction((stores) => work({
      ...stores,
      calc: Object.assign(Object.create(stores.calc) as typeof stores.calc, {
        records: (orgId: number, page: number) => {
          reads++;
          return stores.calc.records(orgId, page);
        },
      }),
    })),
  };
  return { ledger, fullReads: () => reads };
}

async function versionContent(db: Database, orgId: number, versionId: number): Promise<unknown> {
  const results = await db.query(`SELECT record_id, co2e_kg, market_co2e_kg, biogenic_co2_kg, factor_id, method, market_parts::text AS parts
    FROM version_results WHERE org_id = $1 AND version_id = $2 ORDER BY record_id`, [orgId, versionId]);
  const rollups = await db.query(`SELECT month::text, entity_id, site_id, unit_id, scope, category, method, co2e_kg, market_co2e_kg, biogenic_co2_kg,
      co2_kg, ch4_co2e_kg, n2o_co2e_kg, hfcs_co2e_kg, pfcs_co2e_kg, sf6_co2e_kg, nf3_co2e_kg, lines
    FROM result_rollups WHERE org_id = $1 AND version_id = $2 ORDER BY 1, 2, 3, 4, 5, 6, 7`, [orgId, versionId]);
  const [version] = await db.query(`SELECT records, gwp, inputs_hash, library_hash, sites_hash, instruments::text, market_state::text
    FROM calc_versions WHERE org_id = $1 AND version_id = $2`, [orgId, versionId]);
  return { results, rollups, version };
}

describe.each(ENGINES)('imports that extend the latest version on %s', (engine) => {
  let t: TestDatabase;
  let dir: string;
  let n = 0;
  const lib = loadLibrary();
  const source = async (name: string, text: string): Promise<ImportSource> => {
    const path = join(dir, `${engine}-${n++}-${name}`);
    await writeFile(path, text);
    return { ...pathSource(path), name };
  };
  const importInto = async (ledger: Ledger, org: Organisation, src: ImportSource, kind?: 'instruments', quarantine = false) =>
    importAndRecalculate(ledger, lib, {
      org, source: src, kind, quarantine, importedBy: 'test',
      mapping: await findMapping(ledger.stores.imports, org.orgId, 'canonical'),
    });
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-extend-'));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('calculates each import in its own pass, giving exactly the version a whole recalculation gives', async () => {
    const org = await createAcme(t.db, `acme-extend-${engine}`);
    const { ledger, fullReads } = countingLedger(t.db);
    // Instruments change what every record gets: that import recalculates whole (with no record yet).
    await importInto(ledger, org, fixture('instruments.csv'), 'instruments');
    expect(fullReads()).toBe(1);
    const jan = await importInto(ledger, org, await source('january.csv', JANUARY));
    const feb = await importInto(ledger, org, await source('february.csv', FEBRUARY));
    expect(fullReads()).toBe(1); // neither activity import read the records back
    expect(jan.calc?.records).toBe(5);
    expect(feb.calc).toMatchObject({ records: 9, versionId: (jan.calc?.versionId ?? 0) + 1 });

    // Each import stored the results of its own records only, with the records (migration 0015), and
    // no row of results; February's version reads January's where they are.
    const stored = await t.db.query<{ version_id: number; n: number }>(
      'SELECT result_version_id::int AS version_id, count(*)::int AS n FROM activity_records WHERE org_id = $1 GROUP BY 1 ORDER BY 1', [org.orgId]);
    expect(stored).toEqual([{ version_id: jan.calc?.versionId, n: 5 }, { version_id: feb.calc?.versionId, n: 4 }]);
    expect(await t.db.query('SELECT 1 FROM results WHERE org_id = $1', [org.orgId])).toEqual([]);

    // Read one record at a time, a January record has its result in February's version too.
    const [phlJan] = await t.db.query<{ record_id: number }>(`SELECT record_id FROM activity_records WHERE org_id = $1 AND source_id = 'PHL-E-01'`, [org.orgId]);
    const trace = await explainRecord(ledger.stores, lib, Number(phlJan?.record_id), org.slug);
    expect(trace.calculation_version?.id).toBe(feb.calc?.versionId);
    expect(trace.checks[0]?.code).toBe('recomputed_equal');
    const page = await listRecords(ledger.stores, org, { limit: 50 });
    expect(page.records.map((r) => [r.row_number, r.co2e_kg !== null])).toEqual([2, 3, 4, 5, 6, 2, 3, 4, 5].map((n) => [n, true]));
    expect(page.records[0]?.co2e_kg).toBe(trace.result?.co2e_kg);

    const whole = await recalculate(ledger, org, 'check', lib);
    expect(fullReads()).toBe(2);
    const extended = await versionContent(t.db, org.orgId, feb.calc?.versionId ?? 0);
    expect(await versionContent(t.db, org.orgId, whole.versionId)).toEqual(extended);

    // The 500 MWh certificate (market US, 2024) covers January's 100 MWh at Philadelphia and 300 MWh at
    // Houston (market US-ERCT lies in US), then 100 of Philadelphia's 400 in February.
    const [phlFeb] = await t.db.query<{ parts: string }>(`SELECT res.market_parts::text AS parts FROM version_results res
      JOIN activity_records r USING (org_id, record_id) WHERE res.org_id = $1 AND res.version_id = $2 AND r.source_id = 'PHL-E-02'`,
    [org.orgId, feb.calc?.versionId ?? 0]);
    const parts = JSON.parse(phlFeb?.parts ?? '[]') as { step: string; source: string; mwh: number }[];
    expect(parts.map((p) => [p.step, p.mwh])).toEqual([['certificate', 100], ['residual_mix', 300]]);
    expect(parts[0]?.source).toBe('REC-2024-PJM-0001');
  });

  it('keeps a refused repeat out of the version: a cumulative file with quarantine adds only its new rows, as a whole recalculation would', async () => {
    const org = await createAcme(t.db, `acme-cumulative-${engine}`);
    const { ledger, fullReads } = countingLedger(t.db);
    await importInto(ledger, org, fixture('instruments.csv'), 'instruments');
    const jan = await importInto(ledger, org, await source('january.csv', JANUARY));
    // January again with February's rows after it: the five January rows repeat their source ids.
    const both = await importInto(ledger, org, await source('january-february.csv', JANUARY + FEBRUARY.slice(HEADER.length)), undefined, true);
    expect(both.result).toMatchObject({ status: 'imported', rowsImported: 4, rowsQuarantined: 5 });
    expect(both.result.errors.map((e) => [e.row, e.code])).toEqual([2, 3, 4, 5, 6].map((row) => [row, 'sourceIdImported']));
    expect(both.calc).toMatchObject({ records: 9, versionId: (jan.calc?.versionId ?? 0) + 1 });
    expect(fullReads()).toBe(1); // the extended version, not a whole recalculation
    const whole = await recalculate(ledger, org, 'check', lib);
    expect(await versionContent(t.db, org.orgId, whole.versionId)).toEqual(await versionContent(t.db, org.orgId, both.calc?.versionId ?? 0));
  });

  it('reads results through record-id ranges, carried over unchanged by an import with no record of its own', async () => {
    const org = await createAcme(t.db, `acme-ranges-${engine}`);
    const { ledger, fullReads } = countingLedger(t.db);
    const jan = await importInto(ledger, org, await source('january.csv', JANUARY));
    const feb = await importInto(ledger, org, await source('february.csv', FEBRUARY));
    const none = await importInto(ledger, org, await source('all-bad.csv', HEADER + 'X-1,Nowhere,Manufacturing,2024-03,1,,5,mmBtu,,fuel.natural-gas,\n'), undefined, true);
    expect(none.result).toMatchObject({ status: 'imported', rowsImported: 0, rowsQuarantined: 1 });
    expect(fullReads()).toBe(0);
    const [j, f, n] = [jan.calc?.versionId ?? 0, feb.calc?.versionId ?? 0, none.calc?.versionId ?? 0];
    const [first] = await t.db.query<{ id: number }>(`SELECT min(record_id)::int AS id FROM activity_records WHERE org_id = $1 AND source_id LIKE '%-02'`, [org.orgId]);
    const febFirst = Number(first?.id);
    const sources = await t.db.query('SELECT version_id::int AS v, from_record_id::int AS from, to_record_id::int AS to, source_version_id::int AS source FROM version_result_sources WHERE org_id = $1 ORDER BY 1, 2', [org.orgId]);
    expect(sources).toEqual([
      { v: j, from: 0, to: null, source: j },
      { v: f, from: 0, to: febFirst, source: j }, { v: f, from: febFirst, to: null, source: f },
      { v: n, from: 0, to: febFirst, source: j }, { v: n, from: febFirst, to: null, source: f },
    ]);
    expect(none.calc?.records).toBe(9);
    const content = async (v: number) => ((await versionContent(t.db, org.orgId, v)) as { results: unknown[] }).results;
    expect(await content(n)).toEqual(await content(f));
    // Versions that read each other's results can only go together (the source key is checked at commit).
    await expect(t.db.query('DELETE FROM calc_versions WHERE org_id = $1 AND version_id = $2', [org.orgId, j])).rejects.toThrow(/foreign key/);
    await t.db.query('DELETE FROM calc_versions WHERE org_id = $1', [org.orgId]);
    expect(await t.db.query('SELECT 1 FROM version_result_sources WHERE org_id = $1', [org.orgId])).toEqual([]);
  });

  it('reports and explains an earlier version as it was, to reproduce a figure published from it', async () => {
    const org = await createAcme(t.db, `acme-earlier-${engine}`);
    const { ledger } = countingLedger(t.db);
    for (const e of await ledger.stores.org.listEntities(org.orgId)) {
      await ledger.stores.org.setEntityPeriod(org.orgId, { entityId: e.entityId, validFrom: '2020-01-01', ownershipPct: 100, financialControl: true, operationalControl: true });
    }
    const jan = await importInto(ledger, org, await source('january.csv', JANUARY));
    await importInto(ledger, org, await source('february.csv', FEBRUARY));
    const j = jan.calc?.versionId ?? 0;
    const [asPublished, now] = [await reportInventory(ledger.stores, { org: org.slug, year: '2024', version: j }), await reportInventory(ledger.stores, { org: org.slug, year: '2024' })];
    expect(asPublished.calc_version.id).toBe(j);
    expect(now.calc_version.id).toBe(j + 1);
    // EPA Hub 2024 natural gas, 53.06 kg CO2 + 1 g CH4 + 0.1 g N2O per mmBtu (AR5): 2150.4 mmBtu in January, 1980 more in February.
    const perMmBtu = 53.06 + 0.001 * 28 + 0.0001 * 265;
    expect(asPublished.totals.scope1_kg).toBeCloseTo(2150.4 * perMmBtu, 1);
    expect(now.totals.scope1_kg).toBeCloseTo((2150.4 + 1980) * perMmBtu, 1);
    const id = async (sourceId: string) => Number((await t.db.query<{ id: number }>('SELECT record_id AS id FROM activity_records WHERE org_id = $1 AND source_id = $2', [org.orgId, sourceId]))[0]?.id);
    const janGas = await explainRecord(ledger.stores, lib, await id('PHL-G-01'), org.slug, j);
    expect(janGas.calculation_version?.id).toBe(j);
    expect(janGas.checks[0]?.code).toBe('recomputed_equal');
    const febGas = await explainRecord(ledger.stores, lib, await id('PHL-G-02'), org.slug, j);
    expect([febGas.result, febGas.checks.map(checkText)]).toEqual([null, [`not in version ${j} (imported after it)`]]);
    await expect(reportInventory(ledger.stores, { org: org.slug, version: j + 99 })).rejects.toThrow(`has no calculation version ${j + 99}`);
    // The approach and an ownership changed since. The earlier version is reported as published (its own
    // terms: operational control, controlled → 100 %); the default report applies today's (equity share, 60 %).
    await ledger.stores.org.updateOrg(org.orgId, { consolidation: 'equity_share' });
    const [us] = await ledger.stores.org.listEntities(org.orgId);
    await ledger.stores.org.setEntityPeriod(org.orgId, { entityId: us?.entityId ?? 0, validFrom: '2020-01-01', ownershipPct: 60, financialControl: true, operationalControl: true });
    const again = await reportInventory(ledger.stores, { org: org.slug, year: '2024', version: j });
    expect([again.consolidation, again.totals.scope1_kg]).toEqual(['operational_control', asPublished.totals.scope1_kg]);
    expect(again.warnings).toContain(`these are the figures as published from calculation version ${j}, with its ownership, control and consolidation approach (operational control); today's differ (report without --calc-version for them)`);
    const today = await reportInventory(ledger.stores, { org: org.slug, year: '2024' });
    expect([today.consolidation, today.totals.scope1_kg]).toEqual(['equity_share', expect.closeTo(now.totals.scope1_kg * 0.6, 2)]);
    expect(today.warnings).toContain(`ownership, control or the consolidation approach changed since calculation version ${j + 1} was made: these figures apply today's; \`--calc-version ${j + 1}\` gives them as published from it`);
    expect([again.notices, today.notices]).toEqual([[{ code: 'terms_as_published', version: j, approach: 'operational_control' }], [{ code: 'terms_today', version: j + 1 }]]);
    // A file published from either says so, in its language, beside the version it names.
    const about = (r: typeof today, lang: string) => inventoryTables(r, lang)[0]?.rows.map((row) => row.join(': '));
    expect(about(today, 'en')).toEqual(expect.arrayContaining([`Calculation version: ${j + 1}`,
      `Note: Ownership, control or the consolidation approach changed since calculation version ${j + 1} was made: these figures apply today's terms, not those it was published with.`]));
    expect(about(again, 'zh-Hans')).toContain(`说明: 这些是计算版本 ${j} 发布时的数字，采用该版本的持股、控制条件和合并方法（运营控制权法）；当前条件已不同。`);
    const pinnedTrace = await explainRecord(ledger.stores, lib, await id('PHL-G-01'), org.slug, j);
    expect([pinnedTrace.reported.approach, pinnedTrace.reported.share]).toEqual(['operational_control', 1]);
    expect((await explainRecord(ledger.stores, lib, await id('PHL-G-01'), org.slug)).reported).toMatchObject({ approach: 'equity_share', share: 0.6 });
    await expect(explainRecord(ledger.stores, lib, await id('PHL-G-01'), org.slug, j + 99)).rejects.toThrow(`has no calculation version ${j + 99}`);
  });

  it('recalculates whole when a site changed since the latest version', async () => {
    const org = await createAcme(t.db, `acme-site-${engine}`);
    const { ledger, fullReads } = countingLedger(t.db);
    await importInto(ledger, org, await source('january.csv', JANUARY));
    expect(fullReads()).toBe(0);
    const [us] = await ledger.stores.org.listEntities(org.orgId);
    await ledger.stores.org.upsertSite(org.orgId, { name: 'Houston DC', entityId: us?.entityId ?? 0, country: 'US', gridRegion: 'US-ERCT', market: 'US' });
    const feb = await importInto(ledger, org, await source('february.csv', FEBRUARY));
    expect(fullReads()).toBe(1);
    expect(feb.calc?.records).toBe(9);
    // Recalculated whole or not, a row the engine cannot calculate is refused at import.
    await ledger.stores.org.upsertSite(org.orgId, { name: 'Houston DC', entityId: us?.entityId ?? 0, country: 'US', gridRegion: 'US-ERCT', market: 'US-ERCT' });
    const bad = await importInto(ledger, org, await source('mixed-up.csv', HEADER + 'PO-9,Philadelphia Plant,Manufacturing,2024-03,2,,1200,USD,epa-useeio-1.2/naics/221210,,\n'));
    expect(bad.result.errors.map(formatRowError)).toEqual(['mixed-up.csv: row 2, field "unit": market-based Scope 2 needs electricity in an energy unit, got USD']);
    expect(fullReads()).toBe(1);
  });

  it('refuses a row the engine cannot calculate, naming file, row and field, and writes nothing', async () => {
    const org = await createAcme(t.db, `acme-refused-${engine}`);
    const { ledger } = countingLedger(t.db);
    // Spend on gas distribution (EPA USEEIO 221210) declared as Scope 2 electricity.
    const bad = HEADER + 'PO-9,Philadelphia Plant,Manufacturing,2024-01,2,,1200,USD,epa-useeio-1.2/naics/221210,,\n';
    const r = await importInto(ledger, org, await source('mixed-up.csv', JANUARY + bad.slice(HEADER.length)));
    expect(r.calc).toBeNull();
    expect(r.result.status).toBe('rejected');
    expect(r.result.errors.map(formatRowError)).toEqual(['mixed-up.csv: row 7, field "unit": market-based Scope 2 needs electricity in an energy unit, got USD']);
    const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM calc_versions WHERE org_id = $1', [org.orgId]);
    expect(count?.n).toBe(0);
  });
});
