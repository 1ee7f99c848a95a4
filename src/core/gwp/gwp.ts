/**
 * @module gwp
 * Global warming potentials (100-year) and CO2e weighting. The values are data, passed in: this
 * module only names species consistently and applies a set.
 *
 * @example
 * const ar5 = gwpSet('AR5', { CO2: 1, CH4: 28, N2O: 265 });
 * co2eOf({ CO2: 53.06, CH4: 0.001, N2O: 0.0001 }, ar5) // 53.1145
 */
import type { EmissionFactor, GasAmounts } from '../factors/factor.js';

export const GWP_SET_NAMES = ['AR4', 'AR5', 'AR6'] as const;
export type GwpSetName = (typeof GWP_SET_NAMES)[number];

export interface GwpSet {
  readonly name: GwpSetName;
  /** GWP100 by canonical species key (see `speciesKey`). */
  readonly values: ReadonlyMap<string, number>;
  /** Citation of the values, for explanations. */
  readonly source: string;
}

export class GwpError extends Error {
  override readonly name = 'GwpError';
}

/** Names that refer to the same species in different sources. */
const ALIASES: Readonly<Record<string, string>> = {
  PFC14: 'CF4',
  PFC116: 'C2F6',
  PFC218: 'C3F8',
  PFC318: 'cC4F8',
  PFC3110: 'C4F10',
  PFC4112: 'C5F12',
  PFC5114: 'C6F14',
};

/** Canonical key: hyphens and spaces dropped (`HFC-134a` → `HFC134a`), aliases resolved. */
export function speciesKey(name: string): string {
  const key = name.replace(/[\s-]/g, '');
  return ALIASES[key] ?? key;
}

export function gwpSet(name: GwpSetName, values: Readonly<Record<string, number>>, source = ''): GwpSet {
  const map = new Map<string, number>();
  for (const [species, value] of Object.entries(values)) map.set(speciesKey(species), value);
  return { name, values: map, source };
}

/** GWP of one species in a set; throws GwpError naming the species when the set lacks it. */
export function gwpOf(species: string, set: GwpSet): number {
  const value = set.values.get(speciesKey(species));
  if (value === undefined) throw new GwpError(`no ${set.name} GWP for gas "${species}"`);
  return value;
}

/** kg CO2e of a set of gas masses (kg). */
export function co2eOf(gases: GasAmounts, set: GwpSet): number {
  let sum = 0;
  for (const species of Object.keys(gases)) sum += (gases[species] ?? 0) * gwpOf(species, set);
  return sum;
}

/** The seven Kyoto gases or groups, for reporting per gas. */
export type GasGroup = 'CO2' | 'CH4' | 'N2O' | 'HFCs' | 'PFCs' | 'SF6' | 'NF3' | 'other';

const PFC_KEYS = new Set(['CF4', 'C2F6', 'C3F8', 'cC4F8', 'C4F10', 'C5F12', 'C6F14', 'C7F16', 'C8F18', 'C10F18', 'cC3F6']);

/**
 * kg CO2e per unit of each gas of a factor, for per-gas figures: the source's own split of a CO2e
 * it publishes (`co2eByGas`), else each gas's kg × its GWP in `set`. A factor published as CO2e
 * without a split gives only the gases it lists (their CO2e counted at its GWP basis is not known);
 * what the split leaves of the factor's CO2e is "unsplit" in the reports.
 */
export function co2eByGasPerUnit(f: Pick<EmissionFactor, 'gases' | 'co2e' | 'co2eByGas'>, set: GwpSet): [string, number][] {
  if (f.co2e !== undefined && f.co2eByGas !== undefined) return Object.entries(f.co2eByGas);
  return Object.entries(f.gases ?? {}).map(([species, kg]) => [species, kg * gwpOf(species, set)]);
}

/** The reporting group of a species (`HFC134a` → `HFCs`, `CH4_fossil` → `CH4`). */
export function gasGroup(species: string): GasGroup {
  const key = speciesKey(species);
  if (key === 'CO2' || key === 'N2O' || key === 'SF6' || key === 'NF3') return key;
  if (key === 'CH4' || key.startsWith('CH4_')) return 'CH4';
  if (key.startsWith('HFC')) return 'HFCs';
  if (PFC_KEYS.has(key)) return 'PFCs';
  return 'other';
}

/**
 * GWP of a refrigerant blend from its mass composition (fractions summing to 1), so that blends
 * follow the run's GWP set rather than the single set a blend table was published in.
 */
export function blendGwp(composition: Readonly<Record<string, number>>, set: GwpSet): number {
  return co2eOf(composition, set);
}
