/**
 * @module library/gwp-sets
 * GWP100 sets AR4, AR5 and AR6 from data/gwp100_ipcc_ar4_ar5_ar6.csv, and one factor per species
 * (`gas.<species>`, 1 kg of the gas per kg) so that a fugitive release of a pure gas can be
 * entered like any other activity and weighted by the run's set.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { GWP_SET_NAMES, gwpSet, speciesKey, type GwpSet, type GwpSetName } from '../core/gwp/gwp.js';
import { KG } from '../core/units/units.js';
import { cell, numberOrNull, readCsv } from './csv.js';
import { IPCC_GWP } from './datasets.js';
import { SkipLog, type LoadResult } from './load-result.js';

const FILE = 'gwp100_ipcc_ar4_ar5_ar6.csv';
const COLUMN: Readonly<Record<GwpSetName, string>> = { AR4: 'ar4_gwp100', AR5: 'ar5_gwp100', AR6: 'ar6_gwp100' };

const VIA = 'openclimatedata/globalwarmingpotentials v0.13.1';
const SOURCE: Readonly<Record<GwpSetName, string>> = {
  AR4: `IPCC AR4 GWP100 (GHG Protocol table, Feb 2016), via ${VIA}`,
  AR5: `IPCC AR5 GWP100 (GHG Protocol table, Feb 2016), via ${VIA}; CH4_fossil 30 (AR5 Table 8.7, secondary)`,
  AR6:
    `IPCC AR6 WG1 Table 7.SM.7 GWP100, via ${VIA}; ` +
    'CH4_fossil 29.8 / CH4_non_fossil 27.0 (AR6 WG1 Table 7.15, secondary)',
};

function readRows(dataDir: string): ReturnType<typeof readCsv> {
  return readCsv(dataDir, FILE, ['species', ...Object.values(COLUMN)]);
}

/** The three sets; a species with a blank cell is simply absent from that set. */
export function loadGwpSets(dataDir: string): Readonly<Record<GwpSetName, GwpSet>> {
  const rows = readRows(dataDir);
  const build = (name: GwpSetName): GwpSet => {
    const values: Record<string, number> = {};
    for (const row of rows) {
      const value = numberOrNull(row, COLUMN[name]);
      if (value !== null) values[cell(row, 'species')] = value;
    }
    return gwpSet(name, values, SOURCE[name]);
  };
  return { AR4: build('AR4'), AR5: build('AR5'), AR6: build('AR6') };
}

/** `gas.<species>` factors, for species with a GWP in at least one of the three sets. */
export function loadGasFactors(dataDir: string): LoadResult {
  const skips = new SkipLog();
  const factors: EmissionFactor[] = [];
  for (const row of readRows(dataDir)) {
    const species = speciesKey(cell(row, 'species'));
    if (GWP_SET_NAMES.every((name) => numberOrNull(row, COLUMN[name]) === null)) {
      skips.add('GWP: species with no AR4/AR5/AR6 value (no gas factor)');
      continue;
    }
    factors.push({
      id: `ipcc-gwp/gas/${species}`,
      dataset: IPCC_GWP,
      name: `${cell(row, 'species')} released (1 kg of the gas per kg)`,
      activity: `gas.${species.toLowerCase().replace(/_/g, '-')}`,
      region: 'WORLD',
      year: null,
      unit: KG,
      gases: { [species]: 1 },
      publishedAs: GWP_SET_NAMES.map((name) => `${name} ${cell(row, COLUMN[name]) || 'n/a'}`).join(', '),
    });
  }
  return skips.result(factors);
}
