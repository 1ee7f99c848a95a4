/** The year-on-year bridge (waterfall) of market-based totals: previous → Δ per scope/category → current. */
import type { RecordFilters } from '../../drill.js';

interface Totals {
  readonly scope1_kg: number;
  readonly scope2_market_kg: number;
  readonly scope3_by_category_kg: Readonly<Record<string, number>>;
  readonly scope3_kg: number;
  readonly total_market_kg: number;
}

export type StepKind = 'previous' | 'scope1' | 'scope2' | 'category' | 'other' | 'current';

export interface BridgeStep {
  readonly kind: StepKind;
  readonly category?: number;
  /** Floating bar from `start` to `end` (kg). */
  readonly start: number;
  readonly end: number;
  /** The change (steps) or the total (ends), kg. */
  readonly value: number;
  readonly filter: RecordFilters;
}

export function bridgeSteps(current: Totals, previous: Totals, year: string): BridgeStep[] {
  const steps: BridgeStep[] = [];
  let run = previous.total_market_kg;
  steps.push({ kind: 'previous', start: 0, end: run, value: run, filter: {} });
  const delta = (kind: StepKind, value: number, filter: RecordFilters, category?: number) => {
    steps.push({ kind, start: run, end: run + value, value, filter, ...(category === undefined ? {} : { category }) });
    run += value;
  };
  delta('scope1', current.scope1_kg - previous.scope1_kg, { year, scope: 1 });
  delta('scope2', current.scope2_market_kg - previous.scope2_market_kg, { year, scope: 2 });
  const cats = [...new Set([...Object.keys(current.scope3_by_category_kg), ...Object.keys(previous.scope3_by_category_kg)])]
    .map(Number).sort((a, b) => a - b);
  for (const c of cats) {
    const d = (current.scope3_by_category_kg[String(c)] ?? 0) - (previous.scope3_by_category_kg[String(c)] ?? 0);
    delta('category', d, { year, scope: 3, category: c }, c);
  }
  const rest = current.total_market_kg - run;
  if (Math.abs(rest) >= 1) delta('other', rest, { year });
  steps.push({ kind: 'current', start: 0, end: current.total_market_kg, value: current.total_market_kg, filter: { year } });
  return steps;
}

/**
 * Where the bridge's value axis starts (tonnes): 85 % of the lowest running total, rounded down to
 * two significant digits, so that the changes are not slivers on top of tall bars. 0 when the
 * lowest total is not positive (nothing to cut).
 */
export function bridgeAxisMin(steps: readonly BridgeStep[]): number {
  const totals = steps.flatMap((s) => (s.kind === 'previous' || s.kind === 'current' ? [s.end] : [s.start, s.end]));
  if (totals.length === 0) return 0;
  const lowest = (Math.min(...totals) / 1000) * 0.85;
  if (!(lowest > 0)) return 0;
  const step = 10 ** (Math.floor(Math.log10(lowest)) - 1);
  return Math.floor(lowest / step) * step;
}
