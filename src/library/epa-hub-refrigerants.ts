/**
 * @module library/epa-hub-refrigerants
 * EPA Hub 2024 Table 12: refrigerant blends. A blend factor holds the mass of each Kyoto gas per
 * kg of blend, so its CO2e follows the run's GWP set (AR4/AR5/AR6) instead of the AR5 figure
 * the Hub prints. As in the Hub's own arithmetic, HCFCs and hydrocarbons (propane, isobutane…)
 * are not counted: only HFCs and PFCs (e.g. R-410A = 0.5 × 677 + 0.5 × 3170 ≈ 1924 under AR5).
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { gasGroup, speciesKey } from '../core/gwp/gwp.js';
import { KG } from '../core/units/units.js';
import { LibraryDataError, cell, readCsv } from './csv.js';
import { HUB_DIR, hubFactor } from './epa-hub-common.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { tidy } from './quantities.js';
import { slug } from './slug.js';

export const T12 = `${HUB_DIR}/table12_gwp_blended_refrigerants_ar5.csv`;

export interface BlendComponent {
  readonly species: string;
  /** Mass fraction, 0–1. */
  readonly fraction: number;
}

/** Parses `"50% HFC-32 , 50% HFC-125"` into species keys and mass fractions. */
export function parseBlend(composition: string): BlendComponent[] {
  return composition.split(',').map((part) => {
    const match = /^\s*([\d.]+)%\s+(.+?)\s*$/.exec(part);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      throw new LibraryDataError(`blend component "${part}" is not "<percent>% <gas>"`);
    }
    return { species: speciesKey(match[2]), fraction: Number(match[1]) / 100 };
  });
}

/** HFCs and PFCs (plus SF6/NF3 if a blend had them); HCFCs and hydrocarbons group as `other`. */
function isKyotoGas(species: string): boolean {
  return gasGroup(species) !== 'other';
}

export function kyotoGases(components: readonly BlendComponent[]): Record<string, number> {
  const gases: Record<string, number> = {};
  for (const { species, fraction } of components) {
    if (isKyotoGas(species)) gases[species] = tidy((gases[species] ?? 0) + fraction);
  }
  return gases;
}

/**
 * Blend composition is the ASHRAE definition, not a US statistic, so the factors are WORLD
 * (unlike the rest of the Hub): a refrigerant leak in any country can use them.
 */
export function loadHubRefrigerants(dataDir: string): LoadResult {
  const rows = readCsv(dataDir, T12, ['ashrae_number', 'gwp100_ar5', 'blend_composition']);
  const factors: EmissionFactor[] = rows.map((row) => {
    const blend = cell(row, 'ashrae_number');
    const composition = cell(row, 'blend_composition');
    return hubFactor({
      id: `epa-hub-2024/t12/${slug(blend)}`,
      name: `Refrigerant blend ${blend} (${composition.replace(/\s+,/g, ',')})`,
      activity: `refrigerant.${slug(blend)}`,
      region: 'WORLD',
      unit: KG,
      gases: kyotoGases(parseBlend(composition)),
      publishedAs: `GWP ${cell(row, 'gwp100_ar5')} (AR5); composition ${composition.replace(/\s+,/g, ',')}`,
    });
  });
  return new SkipLog().result(factors);
}
