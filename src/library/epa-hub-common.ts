/**
 * @module library/epa-hub-common
 * Shared pieces of the EPA GHG Emission Factors Hub 2024 loaders (data/epa_ghg_hub_2024/).
 * The Hub prints CO2 in kg and CH4/N2O in g per unit; factors hold all three in kg.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { parseUnit, type Unit } from '../core/units/units.js';
import { EPA_HUB_2024 } from './datasets.js';
import { LibraryDataError, cell, numberOrNull, type CsvRow } from './csv.js';
import { toKg } from './quantities.js';

export const HUB_DIR = 'epa_ghg_hub_2024';

/** Factor fields a table supplies; dataset, region (US) and year (the 2024 edition) are filled in. */
export type HubFields = Omit<EmissionFactor, 'dataset' | 'region' | 'year'> & {
  readonly region?: string;
  readonly year?: number | null;
};

export function hubFactor(fields: HubFields): EmissionFactor {
  return { dataset: EPA_HUB_2024, region: 'US', year: 2024, ...fields };
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  'short ton': 'short_ton',
  scf: 'scf',
  gallon: 'gal',
  'vehicle-mile': 'vmi',
  'passenger-mile': 'pmi',
  'ton-mile': 'ton_mi',
};

/** The units-module symbol for a unit word as the Hub prints it (`gallon` → `gal`). */
export function hubUnit(word: string): Unit {
  const symbol = UNIT_WORDS[word];
  if (symbol === undefined) throw new LibraryDataError(`EPA Hub unit "${word}" has no unit symbol`);
  return parseUnit(symbol);
}

export interface CombustionColumns {
  readonly co2Kg: string;
  readonly ch4G: string;
  readonly n2oG: string;
}

export type CombustionParts = Pick<EmissionFactor, 'gases' | 'biogenicCo2' | 'publishedAs'>;

/**
 * Gases of one combustion row, in kg per unit. Biomass CO2 is biogenic: it goes to `biogenicCo2`,
 * reported outside the scopes, while its CH4 and N2O stay in `gases`. Null when a value is missing.
 */
export function combustionParts(row: CsvRow, cols: CombustionColumns, per: string, biogenic: boolean): CombustionParts | null {
  const co2 = numberOrNull(row, cols.co2Kg);
  const ch4 = numberOrNull(row, cols.ch4G);
  const n2o = numberOrNull(row, cols.n2oG);
  if (co2 === null || ch4 === null || n2o === null) return null;
  const nonCo2 = { CH4: toKg(ch4, 'g'), N2O: toKg(n2o, 'g') };
  const publishedAs =
    `${biogenic ? 'biogenic ' : ''}CO2 ${cell(row, cols.co2Kg)} kg/${per}, ` +
    `CH4 ${cell(row, cols.ch4G)} g/${per}, N2O ${cell(row, cols.n2oG)} g/${per}`;
  return biogenic
    ? { gases: nonCo2, biogenicCo2: co2, publishedAs }
    : { gases: { CO2: co2, ...nonCo2 }, publishedAs };
}
