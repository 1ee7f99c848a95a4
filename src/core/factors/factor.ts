/**
 * @module factors/factor
 * The emission-factor model: one factor = kilograms emitted per one unit of activity, with the
 * dataset it came from. Values are held in kg per `unit`; `publishedAs` keeps the figure as the
 * source printed it, so an explanation can show both.
 */
import type { Unit } from '../units/units.js';

/** Where a factor comes from: enough to cite it and to reproduce a result. */
export interface Dataset {
  /** Stable id, e.g. `epa-hub-2024`. */
  readonly id: string;
  readonly name: string;
  readonly publisher: string;
  readonly version: string;
  /** Year of the edition (publication year). */
  readonly year: number;
  readonly licence: string;
  readonly url: string;
}

/** Methods of the Scope 3 Standard, stored per line. */
export const SCOPE3_METHODS = [
  'supplier-specific',
  'hybrid',
  'average-data',
  'spend-based',
  'distance-based',
  'fuel-based',
] as const;
export type Scope3Method = (typeof SCOPE3_METHODS)[number];

/** Mass of each gas (kg) per unit of activity, keyed by species (`CO2`, `CH4`, `HFC134a`…). */
export type GasAmounts = Readonly<Record<string, number>>;

export interface EmissionFactor {
  /** Unique across the library, e.g. `epa-hub-2024/t1/natural-gas/mmBtu`. */
  readonly id: string;
  /** `null` when the factor was given in a calculation's input. */
  readonly dataset: Dataset | null;
  /** What the factor describes, in the source's words. */
  readonly name: string;
  /** Selection key, dot-separated, e.g. `electricity.grid`, `fuel.natural-gas`, `spend.naics.334111`. */
  readonly activity: string;
  /** Region code: `WORLD`, ISO 3166-1 alpha-2 (`US`, `CN`), or a sub-region (`US-RFCE`, `CN-YN`). */
  readonly region: string;
  /** The year the factor's data describes; `null` when the source states none. */
  readonly year: number | null;
  /** Per one of this unit. */
  readonly unit: Unit;
  /** For money units: the currency's price year (e.g. 2021 USD). */
  readonly priceYear?: number;
  /** Fossil gas masses in kg per unit; weighted by the run's GWP set. */
  readonly gases?: GasAmounts;
  /**
   * kg CO2e per unit as published, already weighted with the source's GWP set (`gwpBasis`).
   * When present it is the factor's CO2e and is not re-weighted; `gases` is then informational.
   */
  readonly co2e?: number;
  /** GWP set the source used for `co2e`, e.g. `AR4`, or a sentence when the source does not say. */
  readonly gwpBasis?: string;
  /**
   * With `co2e`: the kg CO2e of each gas per unit where the source publishes the split (DESNZ: of
   * CO2, CH4, N2O), weighted as `co2e` is; the per-gas figures of a report take these.
   */
  readonly co2eByGas?: GasAmounts;
  /** Biogenic CO2 (kg per unit), reported outside the scopes. */
  readonly biogenicCo2?: number;
  /** Method a Scope 3 line gets from this factor when the line does not state one. */
  readonly method?: Scope3Method;
  /** The figure(s) as the source printed them, for explanations. */
  readonly publishedAs?: string;
}
