/**
 * @module bench/api-bench
 * The web app's API under load: an organisation with N records (default 1,000,000) in PostgreSQL,
 * the real server (`carbon-ledger serve`) in its own process, and from this process:
 *  - each dashboard call (me, organisations, reporting years, inventory) and records-table page
 *    (first, deep, filtered) timed 100 times one after another → p50/p95;
 *  - 50 concurrent clients (keep-alive, each signed in) for 60 s over the same mix → errors, p99.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../db/migrate.js';
import { PgliteDatabase } from '../db/pglite-database.js';
import { PostgresDatabase } from '../db/postgres-database.js';
import { SqlAccountStore } from '../db/sql-account-store.js';
import { argon2Hasher } from '../server/argon2-hasher.js';
import { importLedger, setUpOrg, writeLedgerCsv } from './ledger-workload.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = fileURLToPath(new URL('../../bin/carbon-ledger.js', import.meta.url));
const PORT = 3961;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password-123';
/** One account per load client: sign-in is rate-limited per client address and e-mail address. */
const email = (i: number): string => `bench${i}@carbon-ledger.test`;

export interface Timing {
  readonly name: string;
  readonly path: string;
  readonly p50: number;
  readonly p95: number;
}

export type BenchEngine = 'postgres' | 'pglite';

export interface ApiBench {
  readonly engine: BenchEngine;
  readonly records: number;
  readonly loadSeconds: number;
  readonly dashboard: readonly Timing[];
  readonly pages: readonly Timing[];
  readonly load: { readonly clients: number; readonly seconds: number; readonly requests: number; readonly errors: number; readonly p50: number; readonly p99: number; readonly perSecond: number };
}

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function signIn(i: number): Promise<string> {
  const r = await fetch(`${BASE}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: email(i), password: PASSWORD }) });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function timeGet(cookie: string, path: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(`${BASE}${path}`, { headers: { cookie } });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return performance.now() - t;
}

async function timed(cookie: string, name: string, path: string, n = 100): Promise<Timing> {
  for (let i = 0; i < 5; i++) await timeGet(cookie, path); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await timeGet(cookie, path));
  times.sort((a, b) => a - b);
  return { name, path, p50: pct(times, 50), p95: pct(times, 95) };
}

/** The server on PostgreSQL (`url`) or on PGlite in `dataDir`. */
async function startServer(where: { url: string } | { dataDir: string }): Promise<ChildProcess> {
  const env = { ...process.env };
  const args = [BIN, 'serve', '--port', String(PORT)];
  if ('url' in where) env.DATABASE_URL = where.url;
  else {
    delete env.DATABASE_URL;
    args.push('--data-dir', where.dataDir);
  }
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => { if (d.toString().includes('serving')) resolve(); });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return child;
}

export async function benchApi(engine: BenchEngine, records: number, loadSeconds = 60, clients = 50): Promise<ApiBench> {
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-api-bench-'));
  const name = `carbon_ledger_api_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (engine === 'postgres') await admin.query(`CREATE DATABASE ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = join(dir, 'data');
  let server: ChildProcess | null = null;
  try {
    const csv = join(dir, 'bench.csv');
    await writeLedgerCsv(csv, records);
    if (engine === 'pglite') mkdirSync(dataDir, { recursive: true });
    const db = engine === 'postgres' ? await PostgresDatabase.open(url) : await PgliteDatabase.open(dataDir);
    await migrate(db);
    const org = await setUpOrg(db);
    // No ANALYZE here: the import refreshes the planner's statistics itself, as it does for a user.
    const loaded = await importLedger(db, org, csv);
    const accounts = new SqlAccountStore(db);
    const hash = await argon2Hasher().hash(PASSWORD);
    for (let i = 0; i < clients; i++) {
      const user = await accounts.createUser(email(i), `Bench ${i}`, hash);
      await accounts.setMembership(org.orgId, user.userId, i === 0 ? 'admin' : 'auditor', []);
    }
    await db.close();
    console.log(`api bench: ${loaded.rows} records loaded`);

    server = await startServer(engine === 'postgres' ? { url } : { dataDir });
    const cookie = await signIn(0);
    const o = `/api/v1/orgs/${org.slug}`;
    const dashboard = [
      await timed(cookie, 'signed-in user', '/api/v1/me'),
      await timed(cookie, 'organisations', '/api/v1/orgs'),
      await timed(cookie, 'reporting years', `${o}/years`),
      await timed(cookie, 'inventory (this year, last year beside it)', `${o}/inventory?year=2024`),
    ];
    const pages = [
      await timed(cookie, 'first page', `${o}/records?limit=50`),
      await timed(cookie, `page in the middle (after record ${Math.floor(records / 2).toLocaleString('en-US')})`, `${o}/records?limit=50&after=${Math.floor(records / 2)}`),
      await timed(cookie, 'filtered: 2024, Scope 3', `${o}/records?limit=50&year=2024&scope=3`),
      await timed(cookie, 'filtered: site and month', `${o}/records?limit=50&site=Office%20D&month=2024-06`),
      await timed(cookie, 'filtered: business unit, category 6', `${o}/records?limit=50&business_unit=Unit%202&scope=3&category=6`),
    ];
    const mix = [...dashboard, ...pages].map((t) => t.path);
    const cookies: string[] = [];
    for (let i = 0; i < clients; i++) cookies.push(await signIn(i));
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + loadSeconds * 1000;
    await Promise.all(cookies.map(async (c, i) => {
      let k = i;
      while (performance.now() < end) {
        const path = mix[k++ % mix.length] as string;
        try {
          latencies.push(await timeGet(c, path));
        } catch {
          errors++;
        }
      }
    }));
    latencies.sort((a, b) => a - b);
    return {
      engine, records: loaded.rows, loadSeconds, dashboard, pages,
      load: { clients, seconds: loadSeconds, requests: latencies.length + errors, errors, p50: pct(latencies, 50), p99: pct(latencies, 99), perSecond: (latencies.length + errors) / loadSeconds },
    };
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (engine === 'postgres') await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function apiSection(b: ApiBench): string {
  const f = (n: number): string => n.toFixed(1);
  const row = (t: Timing, target: number): string => `| ${t.name} | \`${t.path.replace(/\?.*/, '')}${t.path.includes('?') ? '?' + t.path.split('?')[1] : ''}\` | ${f(t.p50)} | ${f(t.p95)} | ≤ ${target}: ${t.p95 <= target ? 'met' : '**missed**'} |`;
  const l = b.load;
  const engine = b.engine === 'postgres' ? 'PostgreSQL' : 'PGlite (the embedded default)';
  return `### ${engine}, ${b.records.toLocaleString('en-US')} records

The real server (\`carbon-ledger serve\`) on ${engine} in its own process; requests from the bench
process over loopback with a session cookie, as the web app sends them. Each call timed 100 times
in a row after 5 warm-up calls (milliseconds, whole HTTP round trip).

| dashboard call | path | p50 ms | p95 ms | target (p95) |
|---|---|---:|---:|---|
${b.dashboard.map((t) => row(t, 100)).join('\n')}

| records table page (50 rows) | path | p50 ms | p95 ms | target (p95) |
|---|---|---:|---:|---|
${b.pages.map((t) => row(t, 150)).join('\n')}

**Under load:** ${l.clients} concurrent signed-in clients, each calling the mix above in turn for ${l.seconds} s:
${l.requests.toLocaleString('en-US')} requests (${Math.round(l.perSecond).toLocaleString('en-US')}/s), ${l.errors} errors (target 0: ${l.errors === 0 ? 'met' : '**missed**'}),
p50 ${f(l.p50)} ms, p99 ${f(l.p99)} ms (target ≤ 500: ${l.p99 <= 500 ? 'met' : '**missed**'}).
`;
}

export const API_HEADING = '## Web app API';

/** Both engines (BENCH_API_ENGINES), BENCH_API_RECORDS records, BENCH_API_SECONDS of load: the markdown section. */
export async function apiBenchSection(): Promise<string> {
  const records = Number(process.env.BENCH_API_RECORDS ?? 1_000_000);
  const seconds = Number(process.env.BENCH_API_SECONDS ?? 60);
  const engines = (process.env.BENCH_API_ENGINES ?? 'postgres,pglite').split(',') as BenchEngine[];
  let section = `${API_HEADING} (\`src/bench/api-bench.ts\`)

Targets: dashboard calls p95 ≤ 100 ms and records pages p95 ≤ 150 ms with 1,000,000 records in an
organisation; under 50 concurrent clients for 60 s on loopback, no error and p99 ≤ 500 ms.

`;
  for (const engine of engines) {
    const b = await benchApi(engine, records, seconds);
    console.log(apiSection(b));
    section += apiSection(b) + '\n';
  }
  return section.trimEnd() + '\n';
}
