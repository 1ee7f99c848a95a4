/**
 * @module bench/ledger-section
 * The ledger part of docs/benchmarks.md, from the figures of `benchLedger`.
 */
import { cpus } from 'node:os';
import { PGLITE_IMPORTS, type LedgerBench } from './ledger-bench.js';
import { FOLLOW_UP_ROWS } from './ledger-workload.js';

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');

/**
 * Why the PostgreSQL ratio is what it is, from this run's own figures: the JavaScript alone (the
 * dry run) and the server's writes alone (the store floor), each against 3× the plain \\copy.
 */
function why(l: LedgerBench): string {
  const limit = 3 * l.copySeconds;
  const js = l.dryRunSeconds;
  const floor = l.storeFloorSeconds;
  const e2e = l.postgres.endToEndSeconds;
  const over = (s: number): string => (aboveThree(s / l.copySeconds) ? `above 3× (${fmt(limit, 2)} s) by itself` : `within 3× (${fmt(limit, 2)} s)`);
  const met = !aboveThree(e2e / l.copySeconds);
  return `**Why PostgreSQL ${met ? 'meets' : 'stays above'} 3× \`\\copy\`.** Two parts of the work, each measured in a run of its own:
- the JavaScript: the same file validated and calculated with nothing written (\`import --dry-run\`'s path: parse, map,
  validate, calculate; run after the import, in an organisation of its own) takes ${fmt(js, 2)} s, ${fmt((js / l.rows) * 1e6, 1)} µs a row,
  ${fmt(js / l.copySeconds, 1)}× the \`\\copy\`: ${over(js)};
- the server: writing the records and their results, already encoded, with nothing else to do (the store floor),
  takes ${fmt(floor, 2)} s, ${fmt(floor / l.copySeconds, 1)}×: ${over(floor)}. The import keeps each record with its provenance and
  primary key and its source id indexed (the look-up that refuses a row imported twice), its result in the same row
  (migration 0015): a keyed table of typed columns, where \`\\copy\` fills one unkeyed table of text.

Neither includes encoding the rows for COPY or drawing their ids. The import runs the two at once (one chunk is
written while the next is read and encoded), on the ${cpus().length} cores of this machine that the server, the JavaScript and
its garbage collector share: end to end took ${fmt(e2e, 2)} s, ${fmt(e2e / Math.max(js, floor), 1)}× the larger part and
${fmt(e2e / (js + floor), 2)}× their sum.${met ? '' : needs(aboveThree(js / l.copySeconds), aboveThree(floor / l.copySeconds))}`;
}

/** Why PGlite takes what it takes, from the same figures: its store floor and the JavaScript's share. */
function whyPglite(l: LedgerBench): string {
  const p = l.pglite;
  if (p === null) return '';
  const js = l.dryRunSeconds;
  const larger = Math.max(js, p.storeFloorSeconds);
  const met = p.endToEndSeconds <= 15;
  const parts = larger > 15 ? 'one part is above 15 s by itself, which no overlap can hide'
    : `each part is within 15 s by itself; the rest is what the two threads do not overlap (the file read once for its hash before any row, the
rollups and planner statistics after the last, the waits between chunks)`;
  return `

**PGlite ${met ? 'within' : 'above'} 15 s.** PGlite runs in a worker thread of the importing process, so the JavaScript (main thread)
and the storing (worker) overlap as they do with a server. Storing the records alone, each with its result (PGlite's store floor: the
same rows copied into an empty copy of their table, in one transaction, about 1 MiB a COPY), takes ${fmt(p.storeFloorSeconds, 2)} s; the
JavaScript alone (the dry run above, on PostgreSQL) ${fmt(js, 2)} s. End to end took ${fmt(p.endToEndSeconds, 2)} s (the median),
${fmt(p.endToEndSeconds / larger, 1)}× the larger part: ${parts}.`;
}

/** Above 3× as the tables print it (one decimal), so that the text and the verdicts agree. */
const aboveThree = (ratio: number): boolean => Math.round(ratio * 10) / 10 > 3;

/** What meeting 3× would take, when a part alone is above it. */
function needs(js: boolean, floor: boolean): string {
  const what = [js ? 'less JavaScript a row' : null, floor ? 'storage that writes less a row than this schema' : null].filter((x) => x !== null);
  return what.length === 0 ? '' : ` A part that is above 3× by itself cannot be hidden by any overlap: meeting the target would take ${what.join(' and ')}.`;
}

export function ledgerSection(l: LedgerBench, big: LedgerBench | null): string {
  const rows = (x: LedgerBench): string[] => {
    const pg = x.postgres;
    const ratio = pg.endToEndSeconds / x.copySeconds;
    const out = [`| PostgreSQL | ${fmt(x.rows)} | ${fmt(pg.endToEndSeconds, 2)} | ${fmt(x.copySeconds, 2)} | ${fmt(ratio, 1)}× (target ≤ 3×: ${verdict(!aboveThree(ratio))}) | ${fmt(x.storeFloorSeconds, 2)} (${fmt(x.storeFloorSeconds / x.copySeconds, 1)}×) | ${fmt(pg.followUpSeconds, 2)} | ${fmt(pg.recalcSeconds, 1)} | ${fmt(pg.inventoryMs, 1)} ms (≤ 200: ${verdict(pg.inventoryMs <= 200)}) | |`];
    if (x.pglite !== null) {
      const p = x.pglite;
      out.push(`| PGlite | ${fmt(x.rows)} | ${fmt(p.endToEndSeconds, 2)} (median; ${fmt(p.importRangeSeconds[0], 2)} – ${fmt(p.importRangeSeconds[1], 2)}; ≤ 15 s: ${verdict(p.endToEndSeconds <= 15)}) | | | ${fmt(p.storeFloorSeconds, 2)} | ${fmt(p.followUpSeconds, 2)} | ${fmt(p.recalcSeconds, 1)} | ${fmt(p.inventoryMs, 1)} ms (≤ 200: ${verdict(p.inventoryMs <= 200)}) | import ${fmt(p.peakRssMb)} MB at most (≤ 700: ${verdict(p.peakRssMb <= 700)}); recalculation ${fmt(p.recalcPeakRssMb)} MB; creating the data directory ${fmt(p.setupPeakRssMb)} MB |`);
    }
    return out;
  };
  return `## Ledger end to end (\`src/bench/ledger-bench.ts\`)

A generated canonical CSV (fuels, electricity, spend, flights; five sites) imported as
\`carbon-ledger import\` does it: every row validated (site, unit, period, factor), calculated in the
same pass into a new version, each record written with its result by COPY in one transaction, monthly
rollups at the end. Then a follow-up import of ${fmt(FOLLOW_UP_ROWS)} more rows into the same organisation
(what each monthly file costs once it is large: it extends the version, writing only its own
records' results), a whole recalculation of all the records (what a new GWP set, factor library
or site edit needs), and the inventory report (median of 5).

Two floors, both \`psql \\copy\` on the same server in the same run: the CSV itself into a plain table
of text columns (the issue's reference), and the rows the import stores — its records, each with its
result — into an empty copy of their table with the same keys and indexes (what the server
spends writing them, with no parsing, validation or calculation at all). PGlite's store floor is
the same rows copied into an empty copy of their table in PGlite.

| engine | rows | end to end s | \\copy s | ratio | store floor s | follow-up import s | recalculate s | inventory | peak RSS |
|---|---:|---:|---:|---|---:|---:|---:|---|---|
${[...rows(l), ...(big === null ? [] : rows(big))].join('\n')}
${big === null ? '\nThe 10,000,000-row PostgreSQL run is opt-in (BENCH_LEDGER_BIG_ROWS=10000000 npm run bench).\n' : ''}
On PGlite each step is its own process, as a user runs them: the data directory is created once
(PGlite's initdb, the largest peak), then \`import\` of both files; that is done ${PGLITE_IMPORTS} times, each in a data
directory of its own, and the table gives the median import (the fastest and slowest beside it) and the largest
peak. The recalculation and the store floor run in the median's data directory.

${why(l)}${whyPglite(l)}

**A later file costs what it holds.** The ${fmt(FOLLOW_UP_ROWS)}-row follow-up import took ${fmt(l.postgres.followUpSeconds, 2)} s on PostgreSQL
after ${fmt(l.rows)} rows${big === null ? '' : ` and ${fmt(big.postgres.followUpSeconds, 2)} s after ${fmt(big.rows)}`}: it extends the latest version and writes the
results of its own records only; the earlier ones are read where they are stored.
`;
}
