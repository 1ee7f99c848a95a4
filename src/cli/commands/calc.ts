/**
 * @module cli/commands/calc
 * `carbon-ledger calc --input FILE.json|FILE.ndjson|- [--factors SIDE.json] [--json]` — the stateless
 * calculation of docs/calc-format.md. A JSON document gives one JSON document; NDJSON gives one
 * result per line and a summary line, streamed through a temporary file so that bad input leaves
 * no partial output.
 */
import { createWriteStream } from 'node:fs';
import { access, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../app/app-error.js';
import { calculate } from '../../app/calc/calculate.js';
import { calculateStream } from '../../app/calc/calculate-stream.js';
import type { CalcOutput } from '../../app/calc/output.js';
import { loadLibrary } from '../../library/load-library.js';
import { isNdjson, readJson, readLineBatches } from '../io.js';
import { lineProgress } from '../progress.js';
import { printCalcSummary } from './calc-print.js';

interface CalcFlags {
  readonly input: string;
  readonly factors?: string;
  readonly ndjson?: boolean;
  readonly json?: boolean;
  readonly output?: string;
  readonly explain?: boolean;
}

export function registerCalc(program: Command): void {
  program
    .command('calc')
    .description('calculate emissions for a JSON or NDJSON input (see docs/calc-format.md)')
    .requiredOption('-i, --input <file>', 'input file (.json, or .ndjson/.jsonl one activity per line); - reads stdin')
    .option('--factors <file>', 'NDJSON only: JSON side file with gwp, factors, instruments, residual_mix')
    .option('--ndjson', 'treat the input as NDJSON (implied by .ndjson/.jsonl)')
    .option('-o, --output <file>', 'write the result here instead of stdout')
    .option('--json', 'print JSON (NDJSON input always prints NDJSON)')
    .option('--explain', 'NDJSON: include each line\'s explanation (JSON documents always include it)')
    .action(async (flags: CalcFlags) => {
      if (flags.ndjson === true || isNdjson(flags.input)) await runStream(flags);
      else await runDocument(flags);
    });
}

async function runDocument(flags: CalcFlags): Promise<void> {
  const out = calculate(await readJson(flags.input), loadLibrary());
  const text = flags.json === true || flags.output !== undefined ? JSON.stringify(out, null, 2) + '\n' : summary(out);
  if (flags.output === undefined) process.stdout.write(text);
  else await writeAtomically(flags.output, async (tmp) => {
    await pipeline(async function* () { yield text; }, createWriteStream(tmp));
  });
}

function summary(out: CalcOutput): string {
  const lines: string[] = [];
  printCalcSummary(out, (l) => lines.push(l));
  return lines.join('\n') + '\n';
}

async function runStream(flags: CalcFlags): Promise<void> {
  if (flags.input !== '-') await mustExist(flags.input);
  const context = flags.factors === undefined ? {} : await readJson(flags.factors);
  const progress = lineProgress(flags.input);
  const target = flags.output;
  const produce = async (tmp: string): Promise<void> => {
    const file = createWriteStream(tmp, { highWaterMark: 1 << 20 });
    const write = (chunk: Uint8Array): Promise<void> | void =>
      file.write(chunk) ? undefined : new Promise<void>((resolve) => file.once('drain', () => resolve()));
    try {
      await calculateStream(readLineBatches(flags.input), {
        context,
        reference: loadLibrary(),
        write,
        explain: flags.explain === true,
        source: flags.input === '-' ? 'stdin' : flags.input,
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
      await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
  };
  if (target !== undefined) return writeAtomically(target, produce);
  await withTempFile(async (tmp) => {
    await produce(tmp);
    await pipeline(createReadStream(tmp), process.stdout, { end: false });
  });
}

async function mustExist(path: string): Promise<void> {
  try {
    await access(path);
  } catch {
    throw new AppError('not_found', `cannot read ${path}: no such file`);
  }
}

async function withTempFile(fn: (tmp: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-'));
  try {
    await fn(join(dir, 'out'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `path` only if `fn` succeeds: output goes to a temporary file renamed into place. */
async function writeAtomically(path: string, fn: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await fn(tmp);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
