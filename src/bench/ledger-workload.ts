/**
 * @module bench/ledger-workload
 * A generated ledger workload: an organisation with five sites and a canonical activity CSV of N
 * rows (fuels, electricity, spend, travel), plus helpers shared by the PostgreSQL and PGlite runs.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { findMapping } from '../app/import/find-mapping.js';
import { importAndRecalculate } from '../app/import/import-and-recalculate.js';
import { recalculate } from '../app/ledger/recalculate.js';
import type { Organisation } from '../app/ledger/model.js';
import { reportInventory } from '../app/report/report-inventory.js';
import type { Database } from '../db/database.js';
import { SqlOrgStore } from '../db/sql-org-store.js';
import { sqlLedger, sqlStores } from '../db/sql-stores.js';
import { loadLibrary } from '../library/load-library.js';

const SITES = [
  { name: 'Plant A', country: 'US', gridRegion: 'US-RFCE', market: 'US' },
  { name: 'Plant B', country: 'US', gridRegion: 'US-CAMX', market: 'US' },
  { name: 'Office C', country: 'CN', gridRegion: 'CN', market: 'CN' },
  { name: 'Office D', country: 'VN', gridRegion: 'VN', market: 'VN' },
  { name: 'DC E', country: 'IE', gridRegion: 'IE', market: 'IE' },
];

const LINES: readonly ((i: number) => string)[] = [
  (i) => `1,,,${100 + (i % 500)},mmBtu,epa-hub-2024/t1/natural-gas/mmBtu,,`,
  (i) => `1,,,${200 + (i % 900)},gal,epa-hub-2024/t2/diesel-fuel/gal,,`,
  (i) => `2,,,${1000 + (i % 9000)},kWh,,electricity.grid,`,
  (i) => `3,1,,${500 + (i % 20000)},USD,epa-useeio-1.2/naics/334111,,Supplier ${i % 50}`,
  (i) => `3,6,,${50 + (i % 3000)},pkm,desnz-2025/21_316_3180_11/pkm,,`,
];

export const HEADER = 'source_id,site,business_unit,period,scope,category,method,quantity,unit,factor,activity,supplier';

/**
 * Writes N canonical rows; electricity only at sites with a grid factor (not DC E). Source ids are
 * `idPrefix` and the row's index: a later file needs a prefix of its own, as an import refuses a
 * source id the ledger holds already.
 */
export async function writeLedgerCsv(path: string, rows: number, idPrefix = 'r'): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write(HEADER + '\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const line = LINES[i % LINES.length] as (i: number) => string;
    const site = SITES[(i * 7) % (line === LINES[2] ? 4 : SITES.length)]?.name;
    const month = `${2023 + ((i >> 4) % 2)}-${String((i % 12) + 1).padStart(2, '0')}`;
    chunk += `${idPrefix}${i},${site},Unit ${i % 4},${month},${line(i)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

export async function setUpOrg(db: Database, slug = 'bench'): Promise<Organisation> {
  const s = new SqlOrgStore(db);
  const org = await s.createOrg({ slug, name: 'Bench', consolidation: 'operational_control', yearStartMonth: 1, currency: 'USD' });
  const e = await s.upsertEntity(org.orgId, 'Bench Inc', 'US');
  await s.setEntityPeriod(org.orgId, { entityId: e.entityId, validFrom: '2020-01-01', ownershipPct: 100, financialControl: true, operationalControl: true });
  for (const site of SITES) await s.upsertSite(org.orgId, { ...site, entityId: e.entityId });
  for (let u = 0; u < 4; u++) await s.upsertUnit(org.orgId, `Unit ${u}`);
  return org;
}

export interface ImportFigures {
  /** `carbon-ledger import`'s work: import, validation, calculation into a new version, rollups. */
  readonly endToEndSeconds: number;
  readonly rows: number;
}

/** Rows of the file imported after the large one: what a monthly import into a large organisation costs. */
export const FOLLOW_UP_ROWS = 5_000;

export interface FollowUpFigures {
  /** The FOLLOW_UP_ROWS-row import right after the large one, extending its version. */
  readonly followUpSeconds: number;
}

/** The large file, then a FOLLOW_UP_ROWS-row file into the same organisation. */
export async function importLedgerThenFollowUp(db: Database, org: Organisation, csv: string, followUpCsv: string): Promise<ImportFigures & FollowUpFigures> {
  const imported = await importLedger(db, org, csv);
  const followUp = await importLedger(db, org, followUpCsv);
  if (followUp.rows !== FOLLOW_UP_ROWS) throw new Error(`follow-up import stored ${followUp.rows} rows`);
  return { ...imported, followUpSeconds: followUp.endToEndSeconds };
}

export interface RecalcFigures {
  /** A whole recalculation of the same records afterwards (a new GWP set, factor library or site). */
  readonly recalcSeconds: number;
  /** The inventory report, median of 5. */
  readonly inventoryMs: number;
}

export type LedgerFigures = ImportFigures & FollowUpFigures & RecalcFigures;

/** Import + validation + calculation + rollups, as `carbon-ledger import` does it. */
export async function importLedger(db: Database, org: Organisation, csv: string): Promise<ImportFigures> {
  const { seconds, result: r } = await runImport(db, org, csv, false);
  if (r.status !== 'imported') throw new Error(`bench import ${r.status}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return { endToEndSeconds: seconds, rows: r.rowsImported };
}

/**
 * The same file through the same path with nothing written (`import --dry-run`): read, map,
 * validate and calculate every row. What the JavaScript costs without the database's writes.
 */
export async function dryRunLedger(db: Database, org: Organisation, csv: string): Promise<number> {
  const { seconds, result: r } = await runImport(db, org, csv, true);
  if (r.status !== 'valid') throw new Error(`bench dry run ${r.status}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return seconds;
}

async function runImport(db: Database, org: Organisation, csv: string, dryRun: boolean) {
  const ledger = sqlLedger(db);
  const lib = loadLibrary();
  const t0 = performance.now();
  const { result } = await importAndRecalculate(ledger, lib, {
    org, mapping: await findMapping(ledger.stores.imports, org.orgId, 'canonical'), quarantine: false, importedBy: 'bench', dryRun,
    source: { name: 'bench.csv', size: statSync(csv).size, open: () => createReadStream(csv, { highWaterMark: 1 << 20 }) },
  });
  return { seconds: (performance.now() - t0) / 1000, result };
}

/** A whole recalculation of the organisation, then the inventory query (median of 5). */
export async function recalcLedger(db: Database, org: Organisation): Promise<RecalcFigures> {
  const t0 = performance.now();
  await recalculate(sqlLedger(db), org, 'bench', loadLibrary());
  const recalcSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await reportInventory(sqlStores(db), { org: org.slug, year: '2024' });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { recalcSeconds, inventoryMs: times[2] ?? NaN };
}
