/**
 * @module calc/resolve-factor
 * Finds each activity's factor (an explicit id, or selection by activity key, region and year),
 * checks that its unit converts to the factor's, and caches both per factor so that a million
 * lines cost a few map look-ups each.
 */
import type { EmissionFactor } from '../factors/factor.js';
import { FactorIndex, FactorSelectionError, type Selection } from '../factors/factor-index.js';
import type { SelectionFallback } from '../factors/selection-fallback.js';
import { co2eOf, GwpError, type GwpSet } from '../gwp/gwp.js';
import { canConvert, conversionFactor, dimensionOf, MWH, UnitError } from '../units/units.js';
import { CalcError, type Activity } from './model.js';

/** A factor prepared for one GWP set. */
export interface PreparedFactor {
  readonly factor: EmissionFactor;
  readonly kgCo2ePerUnit: number;
  readonly gasesPerUnit: Readonly<Record<string, number>>;
  readonly biogenicPerUnit: number;
  /** For energy units: MWh in one unit, and kg CO2e per MWh; NaN otherwise. */
  readonly mwhPerUnit: number;
  readonly kgCo2ePerMwh: number;
  /** activity unit → multiplier to the factor unit. */
  readonly conversions: Map<string, number>;
}

export interface Resolved {
  readonly prepared: PreparedFactor;
  readonly fallbacks: readonly SelectionFallback[];
  readonly conversion: number;
}

const NO_FALLBACKS: readonly SelectionFallback[] = [];

export class FactorResolver {
  private readonly prepared = new Map<EmissionFactor, PreparedFactor>();
  private readonly selections = new Map<string, Selection>();

  /** `input` factors take precedence over the `library`'s, by id and in selection. */
  constructor(
    private readonly input: FactorIndex,
    private readonly library: FactorIndex,
    readonly gwp: GwpSet,
  ) {}

  resolve(a: Activity): Resolved {
    const { factor, fallbacks } = this.find(a);
    const prepared = this.prepareFactor(factor, a.id);
    let conversion = prepared.conversions.get(a.unit);
    if (conversion === undefined) {
      conversion = this.convert(a, factor);
      prepared.conversions.set(a.unit, conversion);
    }
    if (a.priceYear !== null && factor.priceYear !== undefined && a.priceYear !== factor.priceYear) {
      throw new CalcError(a.id, 'price_year',
        `spend is in ${a.priceYear} ${a.unit} but factor "${factor.id}" is per ${factor.priceYear} ${factor.unit}; ` +
        `restate the spend in ${factor.priceYear} prices or give a factor for ${a.priceYear}`);
    }
    return { prepared, fallbacks, conversion };
  }

  /** The factor for a library or input id, or undefined. */
  byId(id: string): EmissionFactor | undefined {
    return this.input.get(id) ?? this.library.get(id);
  }

  private find(a: Activity): Selection {
    if (a.factorId !== null) {
      const factor = this.byId(a.factorId);
      if (factor === undefined) throw new CalcError(a.id, 'factor', `unknown factor id "${a.factorId}"`);
      return { factor, fallbacks: NO_FALLBACKS };
    }
    if (a.activity === null) throw new CalcError(a.id, 'factor', 'give a factor id, or an activity key with a region');
    if (a.region === null) {
      throw new CalcError(a.id, 'region', `activity "${a.activity}" needs a region to select a factor (no default region)`);
    }
    const key = `${a.activity}|${a.region}|${a.year ?? ''}|${a.unit}`;
    let selection = this.selections.get(key);
    if (selection === undefined) {
      const index = this.input.hasActivity(a.activity) ? this.input : this.library;
      try {
        selection = index.select({ activity: a.activity, region: a.region, year: a.year, unit: a.unit });
      } catch (e) {
        if (e instanceof FactorSelectionError) throw new CalcError(a.id, 'activity', e.message);
        throw e;
      }
      this.selections.set(key, selection);
    }
    return selection;
  }

  /** A factor's per-unit values under this run's GWP set (cached). */
  prepareFactor(factor: EmissionFactor, lineId: string): PreparedFactor {
    let p = this.prepared.get(factor);
    if (p !== undefined) return p;
    const gasesPerUnit = factor.gases ?? {};
    let kgCo2ePerUnit: number;
    try {
      kgCo2ePerUnit = factor.co2e ?? co2eOf(gasesPerUnit, this.gwp);
    } catch (e) {
      if (e instanceof GwpError) throw new CalcError(lineId, 'factor', `factor "${factor.id}": ${e.message}`);
      throw e;
    }
    const mwhPerUnit = canConvert(factor.unit, MWH) ? conversionFactor(factor.unit, MWH) : NaN;
    p = {
      factor,
      kgCo2ePerUnit,
      gasesPerUnit,
      biogenicPerUnit: factor.biogenicCo2 ?? 0,
      mwhPerUnit,
      kgCo2ePerMwh: kgCo2ePerUnit / mwhPerUnit,
      conversions: new Map(),
    };
    this.prepared.set(factor, p);
    return p;
  }

  private convert(a: Activity, factor: EmissionFactor): number {
    try {
      return conversionFactor(a.unit, factor.unit);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      throw new CalcError(a.id, 'unit',
        `${a.unit} (${dimensionOf(a.unit)}) does not convert to ${factor.unit} (${dimensionOf(factor.unit)}), ` +
        `the unit of factor "${factor.id}"`);
    }
  }
}
