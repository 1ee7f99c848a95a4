/**
 * @module library/owid-ember
 * Our World in Data / Ember carbon intensity of electricity GENERATION, life-cycle g CO2e/kWh,
 * per country and year → `electricity.grid-intensity` in kg CO2e per MWh (the same number).
 * Kept apart from `electricity.grid` (combustion-only location-based factors such as eGRID):
 * life-cycle intensity is a different quantity and must not stand in for it silently.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { MWH } from '../core/units/units.js';
import { cell, numberOrNull, readCsv } from './csv.js';
import { OWID_EMBER_2025 } from './datasets.js';
import { regionOfAlpha3 } from './iso-alpha3.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { kgPerUnit } from './quantities.js';

const FILE = 'grid_carbon_intensity_owid_ember.csv';
/** OWID aggregates are skipped, except these entities, which are a region (World) or a country. */
const KEPT_AGGREGATES = new Set(['OWID_WRL', 'OWID_KOS']);
/** kg/MWh per g/kWh (exactly 1), computed once: this file has ~5,000 rows. */
const PER_G_KWH = kgPerUnit(1, 'g/kWh', MWH);

export function loadOwidEmber(dataDir: string): LoadResult {
  const rows = readCsv(dataDir, FILE, ['country', 'iso_code', 'year', 'gco2e_per_kwh', 'is_aggregate']);
  const skips = new SkipLog();
  const factors: EmissionFactor[] = [];
  for (const row of rows) {
    const iso = cell(row, 'iso_code');
    if (cell(row, 'is_aggregate') === 'true' && !KEPT_AGGREGATES.has(iso)) {
      skips.add('OWID: aggregate region (continent, income group, Ember region)');
      continue;
    }
    const region = regionOfAlpha3(iso);
    const grams = numberOrNull(row, 'gco2e_per_kwh');
    if (region === undefined) skips.add(`OWID: no region code for "${iso}"`);
    else if (grams === null) skips.add('OWID: no value');
    else factors.push(intensityFactor(region, Number(cell(row, 'year')), grams, cell(row, 'country')));
  }
  return skips.result(factors);
}

function intensityFactor(region: string, year: number, grams: number, country: string): EmissionFactor {
  return {
    id: `owid-ember-2025/grid-intensity/${region}/${year}`,
    dataset: OWID_EMBER_2025,
    name: `${country}: carbon intensity of electricity generation (life-cycle)`,
    activity: 'electricity.grid-intensity',
    region,
    year,
    unit: MWH,
    co2e: grams * PER_G_KWH,
    gwpBasis: 'Ember methodology (life-cycle, CO2e)',
    publishedAs: `${grams} g CO2e/kWh`,
  };
}
