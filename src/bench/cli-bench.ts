/**
 * @module bench/cli-bench
 * The CLI end to end on NDJSON: a generated file of N lines through `carbon-ledger calc`, timed with
 * /usr/bin/time for wall clock and peak resident memory of the whole process. Each size runs three
 * times; the median run is reported, with the fastest and slowest beside it (a shared machine's
 * other work shows up as spread, not as a different answer).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceData } from '../core/index.js';
import { factorIds, WORKLOAD_INSTRUMENTS, workloadLine } from './workload.js';

export interface CliFigures {
  readonly lines: number;
  /** Median of the runs. */
  readonly seconds: number;
  readonly fastestSeconds: number;
  readonly slowestSeconds: number;
  readonly linesPerSecond: number;
  readonly peakRssMb: number;
}

const RUNS = 3;
const BIN = fileURLToPath(new URL('../../bin/carbon-ledger.js', import.meta.url));

async function writeNdjson(path: string, lines: number, ids: readonly string[]): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let chunk: string[] = [];
  for (let i = 0; i < lines; i++) {
    chunk.push(JSON.stringify(workloadLine(i, ids)));
    if (chunk.length === 10_000 || i === lines - 1) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

export async function benchCli(reference: ReferenceData, sizes: readonly number[]): Promise<CliFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-bench-'));
  const ids = factorIds(reference);
  try {
    const side = join(dir, 'side.json');
    await writeFile(side, JSON.stringify({ gwp: 'AR5', instruments: WORKLOAD_INSTRUMENTS }));
    const figures: CliFigures[] = [];
    for (const lines of sizes) {
      const input = join(dir, `in-${lines}.ndjson`);
      await writeNdjson(input, lines, ids);
      const runs: { seconds: number; kb: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, 'calc', '--input', input,
          '--factors', side, '--output', join(dir, 'out.ndjson')], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
        if (run.status !== 0) throw new Error(`calc failed: ${run.stderr}`);
        const [seconds, kb] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) as [number, number];
        runs.push({ seconds, kb });
      }
      runs.sort((a, b) => a.seconds - b.seconds);
      const median = runs[Math.floor(runs.length / 2)] as { seconds: number; kb: number };
      figures.push({
        lines, seconds: median.seconds, fastestSeconds: runs[0]?.seconds ?? NaN, slowestSeconds: runs[runs.length - 1]?.seconds ?? NaN,
        linesPerSecond: lines / median.seconds, peakRssMb: Math.max(...runs.map((r) => r.kb)) / 1024,
      });
      await rm(input);
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
