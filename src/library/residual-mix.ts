/**
 * @module library/residual-mix
 * Market-based Scope 2 residual mixes → `electricity.residual-mix`, kg per MWh, by market and data
 * year: AIB European Residual Mixes (CO2 only), Green-e (US eGRID subregions; labelled CO2 but
 * possibly CO2e, so treated as CO2 and said so), Australia NGA 2023 (CO2e). All rows are secondary
 * transcriptions. A blank value is AIB's "N/A" (no residual mix): skipped, never read as zero.
 */
import type { Dataset, EmissionFactor } from '../core/factors/factor.js';
import { MWH } from '../core/units/units.js';
import { LibraryDataError, cell, numberOrNull, readCsv, type CsvRow } from './csv.js';
import { AIB_ERM_2023, AIB_ERM_2024, AIB_ERM_2025, AU_NGA_2023, GREEN_E_2025 } from './datasets.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { kgPerUnit } from './quantities.js';

const FILE = 'residual_mix.csv';
const AIB = new Map<string, Dataset>([['2023', AIB_ERM_2023], ['2024', AIB_ERM_2024], ['2025', AIB_ERM_2025]]);

/** The dataset (publisher and edition) of a row, or undefined for one this loader does not know. */
function datasetOf(row: CsvRow): Dataset | undefined {
  const publisher = cell(row, 'publisher');
  if (publisher.startsWith('Association of Issuing Bodies')) return AIB.get(cell(row, 'data_year'));
  if (publisher.startsWith('Center for Resource Solutions')) return GREEN_E_2025;
  if (publisher.startsWith('Australian Government')) return AU_NGA_2023;
  return undefined;
}

function regionOf(row: CsvRow): string {
  const code = cell(row, 'market_code');
  return cell(row, 'market_type') === 'US eGRID subregion' ? `US-${code}` : code;
}

/** Published value and unit → kg per MWh. The units printed in the file are the three below. */
function kgPerMwh(value: number, printedUnit: string): number {
  const rate = { 'g CO2/kWh': 'g/kWh', 'lb/MWh': 'lb/MWh', 'kg CO2e/kWh': 'kg/kWh' }[printedUnit];
  if (rate === undefined) throw new LibraryDataError(`${FILE}: unit "${printedUnit}" not understood`);
  return kgPerUnit(value, rate, MWH);
}

function mixFactor(row: CsvRow, dataset: Dataset, value: number): EmissionFactor {
  const region = regionOf(row);
  const printedUnit = cell(row, 'unit_as_published');
  const kg = kgPerMwh(value, printedUnit);
  const co2e = printedUnit.includes('CO2e');
  const basisNote = dataset === GREEN_E_2025 ? '; treated as CO2 here' : '';
  return {
    id: `${dataset.id}/residual-mix/${region}`,
    dataset,
    name: `${cell(row, 'market')}: residual mix (${cell(row, 'edition')})`,
    activity: 'electricity.residual-mix',
    region,
    year: Number(cell(row, 'data_year')),
    unit: MWH,
    ...(co2e ? { co2e: kg, gwpBasis: 'not stated in the transcription' } : { gases: { CO2: kg } }),
    publishedAs: `${cell(row, 'value_as_published')} ${printedUnit} (${cell(row, 'ghg_basis')}${basisNote}; ${cell(row, 'verification')})`,
  };
}

export function loadResidualMixes(dataDir: string): LoadResult {
  const columns = ['market', 'market_code', 'market_type', 'data_year', 'value_as_published', 'unit_as_published'];
  const rows = readCsv(dataDir, FILE, [...columns, 'ghg_basis', 'publisher', 'edition', 'verification']);
  const skips = new SkipLog();
  const factors: EmissionFactor[] = [];
  for (const row of rows) {
    const dataset = datasetOf(row);
    // value_as_published, not gco2_per_kwh: the latter is rounded to 2 decimals for Green-e.
    const value = numberOrNull(row, 'value_as_published');
    if (dataset === undefined) skips.add(`residual mix: unknown publisher/edition "${cell(row, 'publisher')}"`);
    else if (value === null) skips.add(`residual mix: N/A published (no residual mix) — ${dataset.id}`);
    else factors.push(mixFactor(row, dataset, value));
  }
  return skips.result(factors);
}
