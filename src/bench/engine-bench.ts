/**
 * @module bench/engine-bench
 * Engine throughput with input already parsed: N generated lines through Calculator.add.
 */
import { toActivity, toInstrument } from '../app/calc/to-domain.js';
import { activityInputSchema, instrumentInputSchema } from '../app/calc/input-schema.js';
import { Calculator, FactorIndex, type Activity, type ReferenceData } from '../core/index.js';
import { factorIds, WORKLOAD_INSTRUMENTS, workloadLine } from './workload.js';

export interface EngineFigures {
  readonly lines: number;
  readonly seconds: number;
  readonly linesPerSecond: number;
  readonly peakRssMb: number;
  readonly totalMarketT: number;
}

export function benchEngine(reference: ReferenceData, lines: number): EngineFigures {
  const ids = factorIds(reference);
  const activities: Activity[] = new Array<Activity>(lines);
  for (let i = 0; i < lines; i++) activities[i] = toActivity(activityInputSchema.parse(workloadLine(i, ids)));
  const instruments = WORKLOAD_INSTRUMENTS.map((x) => toInstrument(instrumentInputSchema.parse(x)));
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const calc = new Calculator({ input: new FactorIndex([]), library: reference.index, gwp: reference.gwpSets.AR5, instruments, residualMixes: [] });
  const started = performance.now();
  for (let i = 0; i < lines; i++) {
    calc.add(activities[i] as Activity);
    if ((i & 0x3ffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const { totals } = calc.finish();
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { lines, seconds, linesPerSecond: lines / seconds, peakRssMb: peak / 2 ** 20, totalMarketT: totals.total_market_kg / 1000 };
}
