/**
 * @module calc/model
 * What the engine takes and gives. Inputs are already validated and normalised (units parsed,
 * periods turned into years); the edges (CLI, API, import) build them from files with zod.
 */
import type { EmissionFactor, Scope3Method } from '../factors/factor.js';
import type { SelectionFallback } from '../factors/selection-fallback.js';
import type { Unit } from '../units/units.js';

export type Scope = 1 | 2 | 3;
export const SCOPE2_CARRIERS = ['electricity', 'steam', 'heat', 'cooling'] as const;
export type Scope2Carrier = (typeof SCOPE2_CARRIERS)[number];

export interface Activity {
  readonly id: string;
  readonly scope: Scope;
  /** Scope 3 category 1–15; `null` for Scopes 1 and 2. */
  readonly category: number | null;
  /** Scope 3 method as stated in the input; `null` lets the factor decide. */
  readonly method: Scope3Method | null;
  readonly quantity: number;
  readonly unit: Unit;
  /** Price year of a money quantity, when stated. */
  readonly priceYear: number | null;
  /** An explicit factor id (input factors first, then the library) … */
  readonly factorId: string | null;
  /** … or an activity key plus region, for selection from the library. */
  readonly activity: string | null;
  readonly region: string | null;
  /** Year of the activity, from its period; selects factor years and instrument vintages. */
  readonly year: number | null;
  /** Electricity market (region code) for market-based Scope 2. */
  readonly market: string | null;
  /** Scope 2 energy carrier; instruments apply to electricity only. `null` = electricity. */
  readonly carrier: Scope2Carrier | null;
  /** Supplier, for supplier-specific rates. */
  readonly supplier: string | null;
}

export const INSTRUMENT_KINDS = ['certificate', 'ppa', 'supplier_rate'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** A contractual instrument for market-based Scope 2. */
export interface Instrument {
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly market: string;
  /** MWh it covers; `null` only for a supplier rate, which then covers all that supplier's MWh. */
  readonly mwh: number | null;
  readonly kgCo2ePerMwh: number;
  readonly vintage: number;
  readonly supplier: string | null;
  /** `false` when the input says it was not retired or cancelled; `null` when not stated. */
  readonly retired: boolean | null;
  /** Serial range or certificate id, for the unique-claim check. */
  readonly serial: string | null;
}

/** A residual mix given in the input (library ones are factors with activity `electricity.residual-mix`). */
export interface ResidualMix {
  readonly market: string;
  readonly year: number | null;
  readonly kgCo2ePerMwh: number;
}

export interface CalcOptions {
  readonly instruments: readonly Instrument[];
  readonly residualMixes: readonly ResidualMix[];
  /** Where an earlier run over the same instruments stopped: this run goes on from there. */
  readonly resume?: MarketState;
}

/**
 * The market-based ledger between two lines: what each instrument has covered and still holds
 * (in instrument order), and the markets and vintage years consumption has been seen in. A run
 * resumed from the state another run ended in gives the same figures as one run over both inputs.
 */
export interface MarketState {
  readonly holdings: readonly { readonly id: string; readonly appliedMwh: number; readonly remainingMwh: number | null }[];
  /** `market|year` */
  readonly marketYears: readonly string[];
}

/** One part of a market-based figure: some MWh at one rate, from one hierarchy step. */
export interface MarketPart {
  readonly step: 'certificate' | 'ppa' | 'supplier_rate' | 'residual_mix' | 'grid_average';
  readonly source: string;
  readonly mwh: number;
  readonly kgCo2ePerMwh: number;
}

export interface LineResult {
  readonly activity: Activity;
  readonly factor: EmissionFactor;
  readonly fallbacks: readonly SelectionFallback[];
  readonly method: Scope3Method | null;
  /** How the method was decided, for the explanation. */
  readonly methodSource: 'input' | 'factor' | 'unit';
  /** activity unit → factor unit. */
  readonly conversion: number;
  /** quantity × conversion: the amount in the factor's unit. */
  readonly amount: number;
  /** kg CO2e per factor unit under the run's GWP set. */
  readonly kgCo2ePerUnit: number;
  readonly co2eKg: number;
  readonly biogenicCo2Kg: number;
  /** Scope 2 only: market-based kg CO2e and its parts. */
  readonly marketCo2eKg: number | null;
  readonly marketParts: readonly MarketPart[];
  /** Scope 2 without market-based parts: why its market-based figure is the location-based one. */
  readonly marketNote: MarketNote | null;
}

/** Why a Scope 2 line's market-based figure is its location-based one: no instrument or residual mix can apply. */
export type MarketNote =
  /** Instruments apply to electricity only (steam, heat, cooling). */
  | { readonly kind: 'notElectricity'; readonly carrier: Scope2Carrier }
  /** No market stated: no instrument or residual mix can apply. */
  | { readonly kind: 'noMarket' }
  /** No period stated: no vintage can match. */
  | { readonly kind: 'noPeriod' };

export function marketNoteText(n: MarketNote): string {
  switch (n.kind) {
    case 'notElectricity': return `${n.carrier}: instruments apply to electricity only; market-based = location-based`;
    case 'noMarket': return 'no market stated: no instrument or residual mix can apply; market-based = location-based';
    case 'noPeriod': return 'no period stated: no vintage can match; market-based = location-based';
  }
}

/**
 * The Scope 2 quality criterion an instrument failed, so that it covered nothing, with the values
 * that say why; `exclusionText` words it in English (the web app in the reader's language).
 */
export type InstrumentExclusion =
  /** Not retired or cancelled in a tracking system. */
  | { readonly criterion: 'retired' }
  /** Its id or serial (`claim`, `value`) was claimed already, by instrument `by`. */
  | { readonly criterion: 'unique_claim'; readonly claim: 'id' | 'serial'; readonly value: string; readonly by: string }
  /** No electricity consumption in its market. */
  | { readonly criterion: 'market'; readonly market: string }
  /** None in its market in its vintage year. */
  | { readonly criterion: 'vintage'; readonly market: string; readonly vintage: number }
  /** A supplier rate with no consumption from its supplier left to cover. */
  | { readonly criterion: 'supplier'; readonly supplier: string; readonly market: string; readonly vintage: number };

export const INSTRUMENT_CRITERIA = ['retired', 'unique_claim', 'market', 'vintage', 'supplier'] as const satisfies readonly InstrumentExclusion['criterion'][];
export type InstrumentCriterion = (typeof INSTRUMENT_CRITERIA)[number];

/** Instrument `id`'s exclusion in English. */
export function exclusionText(id: string, e: InstrumentExclusion): string {
  switch (e.criterion) {
    case 'retired': return `${id} is not retired or cancelled in a tracking system`;
    case 'unique_claim': return `${id} repeats ${e.claim} ${e.value}, already claimed by ${e.by}`;
    case 'market': return `no electricity consumption in market ${e.market}`;
    case 'vintage': return `no electricity consumption in ${e.market} in vintage year ${e.vintage}`;
    case 'supplier': return `no consumption from supplier ${e.supplier} left to cover in ${e.market} ${e.vintage}`;
  }
}

export interface InstrumentResult {
  readonly id: string;
  readonly appliedMwh: number;
  readonly remainingMwh: number | null;
  /** The criterion failed with its values, and `reason`: the same in English (`exclusionText`). */
  readonly excluded: (InstrumentExclusion & { readonly reason: string }) | null;
}

/** Totals in kg, each an exact sum of the lines' values rounded to whole grams. */
export interface Totals {
  readonly scope1_kg: number;
  readonly scope2_location_kg: number;
  readonly scope2_market_kg: number;
  readonly scope3_kg: number;
  readonly scope3_by_category_kg: Readonly<Record<string, number>>;
  readonly total_location_kg: number;
  readonly total_market_kg: number;
  readonly biogenic_co2_kg: number;
  /** Mass of each gas (kg) over all lines, location-based, where the factors give it per gas. */
  readonly gases_kg: Readonly<Record<string, number>>;
  /**
   * Location-based CO2e (kg) by gas group (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3, other); `unsplit`
   * holds CO2e from factors published only as CO2e. The groups add up to `total_location_kg`
   * within rounding (they are computed from summed amounts, not from rounded lines).
   */
  readonly co2e_by_gas_kg: Readonly<Record<string, number>>;
}

/** Mass of each gas (kg) of one line, from its factor's per-gas values. */
export function lineGasesKg(line: LineResult): Record<string, number> {
  const gases: Record<string, number> = {};
  const perUnit = line.factor.gases;
  if (perUnit === undefined) return gases;
  for (const species of Object.keys(perUnit)) gases[species] = line.amount * (perUnit[species] ?? 0);
  return gases;
}

/** Bad input found while calculating: names the line and the field. */
export class CalcError extends Error {
  override readonly name = 'CalcError';
  constructor(
    readonly lineId: string,
    readonly field: string,
    /** What is wrong, without the line and field. */
    readonly detail: string,
  ) {
    super(`activity "${lineId}", field "${field}": ${detail}`);
  }
}
