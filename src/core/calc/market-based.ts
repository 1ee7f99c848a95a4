/**
 * @module calc/market-based
 * Market-based Scope 2 in the GHG Protocol Scope 2 hierarchy, applied per line and per MWh:
 * (1) energy-attribute certificates, (2) PPAs with retained certificates, (3) supplier-specific
 * rates, (4) residual mix, (5/6) grid average. An instrument applies only to consumption in its own
 * market (or a sub-region of it), in its vintage year, and never to more MWh than it holds; lines
 * draw on instruments in input order, so the allocation is deterministic and works on a stream.
 * See docs/adr/0003-scope2-market-based-hierarchy.md.
 */
import type { FactorIndex } from '../factors/factor-index.js';
import { fallbacksText } from '../factors/selection-fallback.js';
import { isWithin, regionChain, WORLD } from '../regions/regions.js';
import type { FactorResolver } from './resolve-factor.js';
import { CalcError, exclusionText, type Activity, type Instrument, type InstrumentExclusion, type InstrumentKind, type InstrumentResult, type MarketPart, type MarketState, type ResidualMix } from './model.js';

interface Holding {
  readonly instrument: Instrument;
  remaining: number;
  applied: number;
  excluded: InstrumentResult['excluded'];
}

interface Mix {
  readonly source: string;
  readonly kgCo2ePerMwh: number;
}

/** What consumption in one market and year can draw on, resolved once. */
interface Candidates {
  /** Holdings in hierarchy order: certificates, PPAs, supplier rates; each most specific market first. */
  readonly holdings: readonly Holding[];
  readonly mix: Mix | null;
}

const exclusion = (id: string, e: InstrumentExclusion): InstrumentResult['excluded'] => ({ ...e, reason: exclusionText(id, e) });

const STEPS: readonly InstrumentKind[] = ['certificate', 'ppa', 'supplier_rate'];
const RESIDUAL_ACTIVITY = 'electricity.residual-mix';

export class MarketLedger {
  private readonly holdings: Holding[];
  private readonly inputMixes = new Map<string, ResidualMix[]>();
  private readonly candidates = new Map<string, Map<number, Candidates>>();
  private readonly marketYearsSeen = new Set<string>();
  private readonly marketsSeen = new Set<string>();

  constructor(
    instruments: readonly Instrument[],
    residualMixes: readonly ResidualMix[],
    private readonly resolver: FactorResolver,
    private readonly library: FactorIndex,
    resume?: MarketState,
  ) {
    this.holdings = instruments.map((instrument) => ({ instrument, remaining: instrument.mwh ?? Infinity, applied: 0, excluded: null }));
    this.checkQuality();
    if (resume !== undefined) this.restore(resume);
    for (const mix of residualMixes) {
      const list = this.inputMixes.get(mix.market) ?? [];
      list.push(mix);
      list.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
      this.inputMixes.set(mix.market, list);
    }
  }

  /** The market-based parts for `mwh` of electricity on line `a`; `gridKgPerMwh` is its location rate. */
  allocate(a: Activity, market: string, year: number, mwh: number, gridKgPerMwh: number): MarketPart[] {
    // The residual mix is looked up where the electricity is used: the line's grid sub-region when it
    // lies in the market (US-RFCE in market US), so sub-regional residual mixes (Green-e) apply.
    const where = a.region !== null && a.region !== market && isWithin(a.region, market) ? a.region : market;
    const c = this.candidatesFor(market, year, where);
    const parts: MarketPart[] = [];
    let left = mwh;
    for (const h of c.holdings) {
      if (left <= 0) break;
      if (h.remaining <= 0) continue;
      const i = h.instrument;
      if (i.kind === 'supplier_rate' && i.supplier !== null && i.supplier !== a.supplier) continue;
      const take = Math.min(left, h.remaining);
      h.remaining -= take;
      h.applied += take;
      left -= take;
      parts.push({ step: i.kind, source: i.id, mwh: take, kgCo2ePerMwh: i.kgCo2ePerMwh });
    }
    if (left > 0 || parts.length === 0) {
      if (c.mix === null) {
        parts.push({ step: 'grid_average', source: `no residual mix for ${market}; location-based grid average`, mwh: left, kgCo2ePerMwh: gridKgPerMwh });
      } else parts.push({ step: 'residual_mix', source: c.mix.source, mwh: left, kgCo2ePerMwh: c.mix.kgCo2ePerMwh });
    }
    return parts;
  }

  /** Every instrument with what it covered, or why it was excluded. */
  results(): InstrumentResult[] {
    return this.holdings.map((h) => {
      const i = h.instrument;
      const excluded = h.excluded ?? (h.applied === 0 ? this.unusedReason(i) : null);
      return { id: i.id, appliedMwh: h.applied, remainingMwh: i.mwh === null ? null : h.remaining, excluded };
    });
  }

  /** The ledger's state now, to resume a later run from (see `MarketState`). */
  state(): MarketState {
    return {
      holdings: this.holdings.map((h) => ({ id: h.instrument.id, appliedMwh: h.applied, remainingMwh: h.remaining === Infinity ? null : h.remaining })),
      marketYears: [...this.marketYearsSeen],
    };
  }

  private restore(state: MarketState): void {
    const ids = this.holdings.map((h) => h.instrument.id).join('\n');
    if (state.holdings.map((h) => h.id).join('\n') !== ids) {
      throw new CalcError('(run)', 'instruments', 'the state to resume was left by a run over other instruments');
    }
    state.holdings.forEach((s, i) => {
      const h = this.holdings[i] as Holding;
      h.applied = s.appliedMwh;
      h.remaining = s.remainingMwh ?? Infinity;
    });
    for (const my of state.marketYears) {
      this.marketYearsSeen.add(my);
      this.marketsSeen.add(my.slice(0, my.lastIndexOf('|')));
    }
  }

  private candidatesFor(market: string, year: number, where: string): Candidates {
    const cacheKey = where === market ? market : `${market}>${where}`;
    let byYear = this.candidates.get(cacheKey);
    if (byYear === undefined) this.candidates.set(cacheKey, (byYear = new Map()));
    let c = byYear.get(year);
    if (c !== undefined) return c;
    const chain = regionChain(market).filter((m) => m !== WORLD);
    for (const m of chain) {
      this.marketsSeen.add(m);
      this.marketYearsSeen.add(`${m}|${year}`);
    }
    const holdings: Holding[] = [];
    for (const kind of STEPS) {
      for (const m of chain) {
        for (const h of this.holdings) {
          const i = h.instrument;
          if (h.excluded === null && i.kind === kind && i.market === m && i.vintage === year) holdings.push(h);
        }
      }
    }
    const mixChain = regionChain(where).filter((m) => m !== WORLD);
    c = { holdings, mix: this.inputMix(mixChain, year) ?? this.libraryMix(where, year) };
    byYear.set(year, c);
    return c;
  }

  /** Quality criteria that can be judged before any consumption is seen. */
  private checkQuality(): void {
    const claimed = new Map<string, string>();
    for (const h of this.holdings) {
      const i = h.instrument;
      if (i.retired === false) {
        h.excluded = exclusion(i.id, { criterion: 'retired' });
        continue;
      }
      const claims = [{ claim: 'id' as const, value: i.id }, ...(i.serial === null ? [] : [{ claim: 'serial' as const, value: i.serial }])];
      for (const c of claims) {
        const key = `${c.claim} ${c.value}`;
        const first = claimed.get(key);
        if (first !== undefined) {
          h.excluded = exclusion(i.id, { criterion: 'unique_claim', ...c, by: first });
          break;
        }
        claimed.set(key, i.id);
      }
    }
  }

  private unusedReason(i: Instrument): InstrumentResult['excluded'] {
    if (!this.marketsSeen.has(i.market)) {
      return exclusion(i.id, { criterion: 'market', market: i.market });
    }
    if (!this.marketYearsSeen.has(`${i.market}|${i.vintage}`)) {
      return exclusion(i.id, { criterion: 'vintage', market: i.market, vintage: i.vintage });
    }
    if (i.kind === 'supplier_rate' && i.supplier !== null) {
      return exclusion(i.id, { criterion: 'supplier', supplier: i.supplier, market: i.market, vintage: i.vintage });
    }
    return null;
  }

  private inputMix(chain: readonly string[], year: number): Mix | null {
    for (const m of chain) {
      const list = this.inputMixes.get(m);
      if (list === undefined) continue;
      const mix = list.find((x) => x.year === null || x.year <= year) ?? (list[list.length - 1] as ResidualMix);
      return { source: `residual mix ${m}${mix.year === null ? '' : ` ${mix.year}`} (input)`, kgCo2ePerMwh: mix.kgCo2ePerMwh };
    }
    return null;
  }

  private libraryMix(market: string, year: number): Mix | null {
    if (!this.library.hasActivity(RESIDUAL_ACTIVITY)) return null;
    let selection;
    try {
      selection = this.library.select({ activity: RESIDUAL_ACTIVITY, region: market, year });
    } catch {
      return null; // no residual mix in this market's chain: the hierarchy falls to the grid average
    }
    const f = selection.factor;
    if (f.region === WORLD) return null;
    const note = selection.fallbacks.length > 0 ? ` (${fallbacksText(selection.fallbacks)})` : '';
    return {
      source: `residual mix ${f.region} ${f.year ?? ''} — ${f.dataset?.name ?? 'input'}, factor ${f.id}${note}`,
      kgCo2ePerMwh: this.resolver.prepareFactor(f, market).kgCo2ePerMwh,
    };
  }
}
