/**
 * @module calc/calculate-stream
 * Use case: calculate activities that arrive one JSON object per line (NDJSON), writing one result
 * per line and a closing summary line. Memory stays flat: only instrument balances, running totals
 * and the set of factors used are kept. The caller decides where output goes and discards it when
 * this throws, so that bad input never leaves a partial result (the CLI writes to a temporary file
 * first).
 */
import { Buffer } from 'node:buffer';
import type { Calculator, ReferenceData } from '../../core/index.js';
import { AppError } from '../app-error.js';
import { asAppError } from './calculate.js';
import { activityInputSchema, calcContextSchema } from './input-schema.js';
import { FactorsUsed, instrumentOutput, lineJson } from './output.js';
import { startCalculation } from './start-calculation.js';
import { describeZodError, toActivity } from './to-domain.js';

export interface StreamOptions {
  /** The side document: gwp, factors, instruments, residual_mix (no activities). */
  readonly context: unknown;
  readonly reference: ReferenceData;
  /** Receives UTF-8 output, whole lines at a time. */
  readonly write: (chunk: Uint8Array) => void | Promise<void>;
  /** Include each line's explanation (the same text the document form gives). */
  readonly explain: boolean;
  /** Name used in error messages. */
  readonly source: string;
  /** Called after each batch with the count of lines so far. */
  readonly onProgress?: (lines: number) => void;
}

export interface StreamSummary {
  readonly lines: number;
}

const BLANK = /^\s*$/;
const OUT_CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** `batches`: the input's lines, in order, in batches of any size. */
export async function calculateStream(batches: AsyncIterable<readonly string[]>, options: StreamOptions): Promise<StreamSummary> {
  const ctx = calcContextSchema.safeParse(options.context ?? {});
  if (!ctx.success) throw new AppError('invalid_input', describeZodError(ctx.error, options.context, 'factors file: '));
  let calc: Calculator;
  try {
    calc = startCalculation(ctx.data, options.reference);
  } catch (e) {
    throw asAppError(e);
  }
  const run = new StreamRun(calc, options);
  for await (const batch of batches) {
    for (const chunk of run.batch(batch)) await options.write(chunk);
    options.onProgress?.(run.count);
  }
  const { instruments, totals } = calc.finish();
  const summary = {
    summary: true, gwp: ctx.data.gwp, lines: run.count, instruments: instruments.map(instrumentOutput), totals,
    factors: run.used.summaries(calc.gwp),
  };
  await options.write(Buffer.from(JSON.stringify(summary) + '\n'));
  return { lines: run.count };
}

/** The per-line work, synchronous within a batch. */
class StreamRun {
  readonly used = new FactorsUsed();
  count = 0;
  private lineNo = 0;

  constructor(
    private readonly calc: Calculator,
    private readonly options: StreamOptions,
  ) {}

  private out = Buffer.allocUnsafe(OUT_CHUNK);
  private filled = 0;

  /**
   * UTF-8 output for one batch of input lines. Each result line is encoded into a buffer as soon
   * as it is made, so no string outlives its line (holding thousands of them until a join costs
   * more in garbage collection than the whole calculation).
   */
  batch(lines: readonly string[]): Buffer[] {
    const full: Buffer[] = [];
    for (const text of lines) {
      this.lineNo += 1;
      // A line starting with "{" is not blank: skip the regex for the common case.
      if (text.charCodeAt(0) !== 0x7b && BLANK.test(text)) continue;
      const json = this.line(text);
      if (this.filled + json.length * 3 + 1 > this.out.length) {
        full.push(this.out.subarray(0, this.filled));
        this.out = Buffer.allocUnsafe(Math.max(OUT_CHUNK, json.length * 3 + 1));
        this.filled = 0;
      }
      this.filled += this.out.write(json, this.filled);
      this.out[this.filled++] = NEWLINE;
    }
    if (this.filled > 0) {
      full.push(this.out.subarray(0, this.filled));
      this.out = this.out.subarray(this.filled);
      this.filled = 0;
      if (this.out.length < OUT_CHUNK / 4) this.out = Buffer.allocUnsafe(OUT_CHUNK);
    }
    return full;
  }

  private line(text: string): string {
    const where = (): string => `${this.options.source} line ${this.lineNo}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new AppError('invalid_input', `${where()}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = activityInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = (raw as { id?: unknown } | null)?.id;
      throw new AppError('invalid_input',
        `${where()}${id === undefined ? '' : ` (activity "${String(id)}")`}, ` +
        `field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
    }
    try {
      const line = this.calc.add(toActivity(parsed.data));
      this.used.add(line);
      this.count += 1;
      return lineJson(line, this.calc.gwp, this.options.explain);
    } catch (e) {
      const err = asAppError(e);
      throw err instanceof AppError ? new AppError(err.code, `${where()}: ${err.message}`) : err;
    }
  }
}
