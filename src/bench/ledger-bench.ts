/**
 * @module bench/ledger-bench
 * The ledger end to end on N generated rows, against `psql \copy` of the same file into a plain
 * table as the floor: PostgreSQL (import + validation + calculation + rollups, then the inventory
 * query) and PGlite in a child process (for its peak memory).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../db/migrate.js';
import { PostgresDatabase } from '../db/postgres-database.js';
import { dryRunLedger, FOLLOW_UP_ROWS, HEADER, importLedgerThenFollowUp, recalcLedger, setUpOrg, writeLedgerCsv, type FollowUpFigures, type ImportFigures, type LedgerFigures, type RecalcFigures } from './ledger-workload.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHILD = fileURLToPath(new URL('./ledger-pglite-child.js', import.meta.url));
/** PGlite imports run, each in a fresh data directory: one run on a shared machine varies by ±10 %. */
export const PGLITE_IMPORTS = 3;

export interface LedgerBench {
  readonly rows: number;
  readonly copySeconds: number;
  /**
   * `psql \copy` of the rows the import stored (its records, each with its result) into an empty
   * copy of their table, with the same keys: what writing them costs the server alone.
   */
  readonly storeFloorSeconds: number;
  /** The same file validated and calculated with nothing written (`import --dry-run`), on PostgreSQL: the JavaScript's share. */
  readonly dryRunSeconds: number;
  readonly postgres: LedgerFigures;
  /**
   * The median of PGLITE_IMPORTS imports, each into a data directory of its own (`importRangeSeconds`:
   * the fastest and slowest), then the recalculation and the store floor (the same records' CSV into
   * an empty copy of their table) in the median's. Peak RSS of each process: the import (the largest
   * of the runs), the recalculation (with the inventory), the creation of the data directory.
   */
  readonly pglite: (LedgerFigures & {
    readonly importRangeSeconds: readonly [number, number];
    readonly peakRssMb: number; readonly recalcPeakRssMb: number; readonly setupPeakRssMb: number; readonly storeFloorSeconds: number;
  }) | null;
}

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `carbon_ledger_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await fn(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function psql(url: string, command: string): number {
  const start = performance.now();
  const r = spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', command]);
  if (r.status !== 0) throw new Error(String(r.stderr));
  return (performance.now() - start) / 1000;
}

function copySeconds(url: string, csv: string): number {
  psql(url, `CREATE TABLE plain_copy (${HEADER.split(',').map((c) => `${c} text`).join(', ')})`);
  return psql(url, `\\copy plain_copy FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
}

/** The large import's records (its batch, with their results), copied out and back into a keyed copy of their table (the file stays for PGlite's floor). */
function storeFloorSeconds(url: string, file: string): number {
  psql(url, `\\copy (SELECT a.* FROM activity_records a JOIN organisations o USING (org_id) WHERE o.slug = 'bench' AND a.batch_id = 1) TO '${file}' WITH (FORMAT csv)`);
  psql(url, 'CREATE TABLE floor_activity_records (LIKE activity_records INCLUDING ALL); CHECKPOINT');
  return psql(url, `\\copy floor_activity_records FROM '${file}' WITH (FORMAT csv)`);
}

export async function benchLedger(rows: number, withPglite: boolean): Promise<LedgerBench> {
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-ledger-bench-'));
  try {
    const csv = join(dir, 'bench.csv');
    await writeLedgerCsv(csv, rows);
    const followUp = join(dir, 'follow-up.csv');
    const records = join(dir, 'activity_records.csv');
    await writeLedgerCsv(followUp, FOLLOW_UP_ROWS, 'f');
    const { copy, floor, dryRun, postgres } = await withDatabase(async (url) => {
      const copy = copySeconds(url, csv);
      const db = await PostgresDatabase.open(url);
      try {
        await migrate(db);
        const org = await setUpOrg(db);
        const imported = await importLedgerThenFollowUp(db, org, csv, followUp);
        // After the import, which is measured as a user runs it (the first in its process), and in
        // an organisation of its own (the same content is a duplicate in the first).
        const dryRun = await dryRunLedger(db, await setUpOrg(db, 'bench-dry-run'), csv);
        const floor = storeFloorSeconds(url, records);
        return { copy, floor, dryRun, postgres: { ...imported, ...(await recalcLedger(db, org)) } };
      } finally {
        await db.close();
      }
    });
    let pglite: LedgerBench['pglite'] = null;
    if (withPglite) {
      const child = (args: string[]) => spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const peakMb = (r: ReturnType<typeof child>): number => Number(r.stderr.trim().split('\n').pop()) / 1024;
      const step = (args: string[]): { json: unknown; peak: number } => {
        const r = child(args);
        if (r.status !== 0) throw new Error(`PGlite ${args[0]} failed: ${r.stderr}`);
        return { json: args[0] === 'setup' ? null : JSON.parse(r.stdout), peak: peakMb(r) };
      };
      const runs = Array.from({ length: PGLITE_IMPORTS }, (_, i) => {
        const dataDir = join(dir, `pglite-${i}`);
        const setup = step(['setup', dataDir]);
        const imported = step(['import', dataDir, csv, followUp]);
        return { dataDir, setup, imported, figures: imported.json as ImportFigures & FollowUpFigures };
      }).sort((a, b) => a.figures.endToEndSeconds - b.figures.endToEndSeconds);
      const median = runs[Math.floor(runs.length / 2)] as (typeof runs)[number];
      for (const r of runs) if (r !== median) rmSync(r.dataDir, { recursive: true, force: true });
      const recalc = step(['recalc', median.dataDir]);
      const floor = step(['floor', median.dataDir, records]).json as { storeFloorSeconds: number };
      const seconds = (r: (typeof runs)[number] | undefined): number => r?.figures.endToEndSeconds ?? NaN;
      pglite = { ...median.figures, ...(recalc.json as RecalcFigures), importRangeSeconds: [seconds(runs[0]), seconds(runs.at(-1))],
        peakRssMb: Math.max(...runs.map((r) => r.imported.peak)), recalcPeakRssMb: recalc.peak, setupPeakRssMb: median.setup.peak, storeFloorSeconds: floor.storeFloorSeconds };
    }
    return { rows, copySeconds: copy, storeFloorSeconds: floor, dryRunSeconds: dryRun, postgres, pglite };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
