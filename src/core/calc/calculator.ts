/**
 * @module calc/calculator
 * The engine, line by line: resolve the factor → convert the quantity → weight gases with the GWP
 * set → (Scope 2) allocate market-based instruments → add to totals. `add` can be fed a stream and
 * keeps only instrument balances and running totals, so memory does not grow with the line count;
 * `finish` closes the run. The same input in the same order always gives the same output.
 *
 * @example
 * const calc = new Calculator({ input: new FactorIndex(myFactors), library: lib.index, gwp: lib.gwpSets.AR5,
 *                               instruments: [], residualMixes: [] });
 * const line = calc.add(activity);   // LineResult
 * const { totals, instruments } = calc.finish();
 */
import type { Scope3Method } from '../factors/factor.js';
import type { FactorIndex } from '../factors/factor-index.js';
import type { GwpSet } from '../gwp/gwp.js';
import { dimensionOf, type Dimension } from '../units/units.js';
import { MarketLedger } from './market-based.js';
import { CalcError, type Activity, type CalcOptions, type InstrumentResult, type LineResult, type MarketNote, type MarketState, type Totals } from './model.js';
import { FactorResolver, type Resolved } from './resolve-factor.js';
import { TotalsAccumulator } from './totals.js';

export interface CalculatorOptions extends CalcOptions {
  /** Factors given with the calculation; they win over the library's. */
  readonly input: FactorIndex;
  readonly library: FactorIndex;
  readonly gwp: GwpSet;
}

export interface RunSummary {
  readonly instruments: readonly InstrumentResult[];
  readonly totals: Totals;
}

const METHOD_BY_DIMENSION: Partial<Record<Dimension, Scope3Method>> = {
  money: 'spend-based',
  distance: 'distance-based',
  passenger_distance: 'distance-based',
  vehicle_distance: 'distance-based',
  freight: 'distance-based',
};

export class Calculator {
  readonly gwp: GwpSet;
  private readonly resolver: FactorResolver;
  private readonly market: MarketLedger;
  private readonly totals: TotalsAccumulator;

  constructor(options: CalculatorOptions) {
    this.gwp = options.gwp;
    this.resolver = new FactorResolver(options.input, options.library, options.gwp);
    this.market = new MarketLedger(options.instruments, options.residualMixes, this.resolver, options.library, options.resume);
    this.totals = new TotalsAccumulator(options.gwp);
  }

  /** Calculates one line. Throws CalcError naming the line and field on bad input. */
  add(a: Activity): LineResult {
    if (!(a.quantity >= 0)) throw new CalcError(a.id, 'quantity', `must be a number ≥ 0, got ${a.quantity}`);
    const r = this.resolver.resolve(a);
    const p = r.prepared;
    const amount = a.quantity * r.conversion;
    const co2eKg = amount * p.kgCo2ePerUnit;
    let marketCo2eKg: number | null = null;
    let market: Pick<LineResult, 'marketParts' | 'marketNote'> = NO_MARKET;
    if (a.scope === 2) {
      market = this.marketBased(a, r);
      marketCo2eKg = market.marketParts.length === 0 ? co2eKg : sumParts(market.marketParts);
    }
    const method = a.scope === 3 ? this.method(a, r) : NO_METHOD;
    const line: LineResult = {
      activity: a,
      factor: p.factor,
      fallbacks: r.fallbacks,
      method: method.method,
      methodSource: method.methodSource,
      conversion: r.conversion,
      amount,
      kgCo2ePerUnit: p.kgCo2ePerUnit,
      co2eKg,
      biogenicCo2Kg: amount * p.biogenicPerUnit,
      marketCo2eKg,
      marketParts: market.marketParts,
      marketNote: market.marketNote,
    };
    this.totals.add(line, p);
    return line;
  }

  finish(): RunSummary {
    return { instruments: this.market.results(), totals: this.totals.result() };
  }

  /** The market-based ledger's state after the lines so far, for `CalcOptions.resume`. */
  marketState(): MarketState {
    return this.market.state();
  }

  private method(a: Activity, r: Resolved): Pick<LineResult, 'method' | 'methodSource'> {
    if (a.method !== null) return { method: a.method, methodSource: 'input' };
    if (r.prepared.factor.method !== undefined) return { method: r.prepared.factor.method, methodSource: 'factor' };
    return { method: METHOD_BY_DIMENSION[dimensionOf(a.unit)] ?? 'average-data', methodSource: 'unit' };
  }

  private marketBased(a: Activity, r: Resolved): Pick<LineResult, 'marketParts' | 'marketNote'> {
    const carrier = a.carrier ?? 'electricity';
    if (carrier !== 'electricity') return note({ kind: 'notElectricity', carrier });
    if (a.market === null) return note({ kind: 'noMarket' });
    if (a.year === null) return note({ kind: 'noPeriod' });
    if (dimensionOf(a.unit) !== 'energy') {
      throw new CalcError(a.id, 'unit', `market-based Scope 2 needs electricity in an energy unit, got ${a.unit}`);
    }
    const p = r.prepared;
    const mwh = a.quantity * r.conversion * p.mwhPerUnit;
    return { marketParts: this.market.allocate(a, a.market, a.year, mwh, p.kgCo2ePerMwh), marketNote: null };
  }
}

const NO_MARKET: Pick<LineResult, 'marketParts' | 'marketNote'> = { marketParts: [], marketNote: null };
const NO_METHOD: Pick<LineResult, 'method' | 'methodSource'> = { method: null, methodSource: 'input' };

function note(why: MarketNote): Pick<LineResult, 'marketParts' | 'marketNote'> {
  return { marketParts: [], marketNote: why };
}

function sumParts(parts: LineResult['marketParts']): number {
  let kg = 0;
  for (const p of parts) kg += p.mwh * p.kgCo2ePerMwh;
  return kg;
}
