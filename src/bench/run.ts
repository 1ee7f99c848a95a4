/**
 * `npm run bench`: runs the benchmarks and writes docs/benchmarks.md. Targets are checked here and
 * reported, never asserted in unit tests.
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../library/load-library.js';
import { apiBenchSection } from './api-bench.js';
import { benchCli } from './cli-bench.js';
import { benchEngine } from './engine-bench.js';
import { benchLedger, type LedgerBench } from './ledger-bench.js';

const ENGINE_LINES = Number(process.env.BENCH_ENGINE_LINES ?? 1_000_000);
const CLI_SIZES = (process.env.BENCH_CLI_SIZES ?? '250000,500000,1000000').split(',').map(Number);
const LEDGER_ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
/** The 10M-row PostgreSQL run takes minutes: opt in with BENCH_LEDGER_BIG_ROWS=10000000. */
const LEDGER_BIG_ROWS = Number(process.env.BENCH_LEDGER_BIG_ROWS ?? 0);
const OUT = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');

const library = loadLibrary();
const engine = benchEngine(library, ENGINE_LINES);
console.log(`engine: ${fmt(engine.linesPerSecond)} lines/s, peak RSS ${fmt(engine.peakRssMb)} MB`);
const cli = await benchCli(library, CLI_SIZES);
for (const c of cli) console.log(`cli ${c.lines}: ${fmt(c.linesPerSecond)} lines/s, peak RSS ${fmt(c.peakRssMb)} MB`);

const ledger = await benchLedger(LEDGER_ROWS, true);
console.log(`ledger ${LEDGER_ROWS}: copy ${ledger.copySeconds.toFixed(2)} s, postgres ${(ledger.postgres.importSeconds + ledger.postgres.calcSeconds).toFixed(2)} s`);
const big = LEDGER_BIG_ROWS > 0 ? await benchLedger(LEDGER_BIG_ROWS, false) : null;

const biggest = cli[cli.length - 1];
const smallest = cli[0];
const flat = biggest !== undefined && smallest !== undefined && biggest.peakRssMb < smallest.peakRssMb * 1.25;
const md = `# Benchmarks

Written by \`npm run bench\` (src/bench/). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.
The workload (src/bench/workload.ts) mixes Scope 1 fuels, Scope 2 electricity in four markets with certificates and a PPA,
and Scope 3 spend and travel lines, all on library factors.

## Calculation engine (input already parsed, one core)

| lines | seconds | lines/s | peak RSS | target | verdict |
|---:|---:|---:|---:|---|---|
| ${fmt(engine.lines)} | ${fmt(engine.seconds, 2)} | ${fmt(engine.linesPerSecond)} | ${fmt(engine.peakRssMb)} MB | ≥ 1,000,000 lines/s | ${verdict(engine.linesPerSecond >= 1_000_000)} |

Peak RSS includes the ${fmt(engine.lines)} parsed input objects held in memory before the run.

## CLI end to end on NDJSON (\`carbon-ledger calc --input FILE.ndjson --factors side.json -o out.ndjson\`)

Whole process: start, library load, parse and validate each line, calculate, write each result with its explanation.

Each size is run three times; the table gives the median run, the fastest and slowest runs beside it.

| lines | seconds (median) | fastest – slowest | lines/s (median) | peak RSS | target |
|---:|---:|---:|---:|---:|---|
${cli.map((c) => `| ${fmt(c.lines)} | ${fmt(c.seconds, 2)} | ${fmt(c.fastestSeconds, 2)} – ${fmt(c.slowestSeconds, 2)} | ${fmt(c.linesPerSecond)} | ${fmt(c.peakRssMb)} MB | ≥ 200,000 lines/s: ${verdict(c.linesPerSecond >= 200_000)} |`).join('\n')}

Memory flat as the input grows (largest run within 25% of the smallest): ${verdict(flat)}.

${ledgerSection(ledger, big)}
Where the CLI's time goes (profiled with \`node --cpu-prof\`): process start and library load
(~1,000 CSV rows a dataset, parsed with csv-parse) take most of a second; per line, \`JSON.parse\`,
zod validation of the line, the calculation, and encoding the result line take roughly equal
shares. Lines are read and written in 1 MiB batches and each result is encoded into the output
buffer at once, so no per-line string outlives its line.
`;
await writeFile(OUT, md.trimEnd() + '\n\n' + (await apiBenchSection()));

function ledgerSection(l: LedgerBench, b: LedgerBench | null): string {
  const total = (f: LedgerBench['postgres']): number => f.importSeconds + f.calcSeconds;
  const rows = (x: LedgerBench): string[] => {
    const out = [`| PostgreSQL | ${fmt(x.rows)} | ${fmt(x.postgres.importSeconds, 1)} | ${fmt(x.postgres.calcSeconds, 1)} | ${fmt(total(x.postgres), 1)} | ${fmt(x.copySeconds, 2)} | ${fmt(total(x.postgres) / x.copySeconds, 1)}× (target ≤ 3×: ${verdict(total(x.postgres) <= 3 * x.copySeconds)}) | ${fmt(x.postgres.inventoryMs, 1)} ms (≤ 200: ${verdict(x.postgres.inventoryMs <= 200)}) | |`];
    if (x.pglite !== null) {
      const p = x.pglite;
      out.push(`| PGlite | ${fmt(x.rows)} | ${fmt(p.importSeconds, 1)} | ${fmt(p.calcSeconds, 1)} | ${fmt(total(p), 1)} (≤ 15 s: ${verdict(total(p) <= 15)}) | | | ${fmt(p.inventoryMs, 1)} ms (≤ 200: ${verdict(p.inventoryMs <= 200)}) | ${fmt(p.peakRssMb)} MB (≤ 700: ${verdict(p.peakRssMb <= 700)}) |`);
    }
    return out;
  };
  return `## Ledger end to end (\`src/bench/ledger-bench.ts\`)

A generated canonical CSV (fuels, electricity, spend, flights; five sites) imported with validation
(every factor and site checked), calculated into a new version with results and monthly rollups,
then the inventory report (median of 5). The floor is \`psql \\copy\` of the same file into a plain
table of text columns, on the same server.

| engine | rows | import s | calculate s | end to end s | \\copy s | ratio | inventory | peak RSS |
|---|---:|---:|---:|---:|---:|---|---|---|
${[...rows(l), ...(b === null ? [] : rows(b))].join('\n')}
${b === null ? '\nThe 10,000,000-row PostgreSQL run is opt-in (BENCH_LEDGER_BIG_ROWS=10000000 npm run bench).\n' : ''}`;
}
console.log(`wrote ${OUT}`);
