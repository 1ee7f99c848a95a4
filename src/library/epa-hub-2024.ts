/**
 * @module library/epa-hub-2024
 * EPA GHG Emission Factors Hub 2024: Table 1 (stationary combustion), Table 2 (mobile CO2) and
 * Table 7 (steam and heat) here; the other tables in the epa-hub-* and egrid-2022 modules.
 * `loadEpaHub2024` returns every Hub factor.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { parseUnit, type Unit } from '../core/units/units.js';
import { LibraryDataError, cell, numberOrNull, readCsv, type CsvRow } from './csv.js';
import { HUB_DIR, combustionParts, hubFactor, hubUnit, type CombustionParts } from './epa-hub-common.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { slug } from './slug.js';
import { loadEgrid2022 } from './egrid-2022.js';
import { loadHubMobileCh4N2o } from './epa-hub-mobile.js';
import { loadHubScope3 } from './epa-hub-scope3.js';
import { loadHubRefrigerants } from './epa-hub-refrigerants.js';

const T1 = `${HUB_DIR}/table1_stationary_combustion.csv`;
const T2 = `${HUB_DIR}/table2_mobile_combustion_co2.csv`;
const T7 = `${HUB_DIR}/table7_steam_and_heat.csv`;

const T1_COLUMNS = ['fuel_category', 'fuel_type', 'heat_content_hhv', 'heat_content_unit', 'unit'];
const PER_MMBTU = { co2Kg: 'kg_co2_per_mmbtu', ch4G: 'g_ch4_per_mmbtu', n2oG: 'g_n2o_per_mmbtu' };
const PER_UNIT = { co2Kg: 'kg_co2_per_unit', ch4G: 'g_ch4_per_unit', n2oG: 'g_n2o_per_unit' };

/** Hub categories named "Biomass Fuels - …": their CO2 is biogenic (EPA reports it separately). */
function isBiomass(row: CsvRow): boolean {
  return cell(row, 'fuel_category').startsWith('Biomass Fuels');
}

/** Table 1: one factor per mmBtu (HHV) and one per physical unit, where the Hub prints both. */
function table1(dataDir: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, T1, [...T1_COLUMNS, ...Object.values(PER_MMBTU), ...Object.values(PER_UNIT)]);
  return rows.flatMap((row) => {
    const perEnergy = combustionParts(row, PER_MMBTU, 'mmBtu', isBiomass(row));
    const perUnit = cell(row, 'unit') === '' ? null : combustionParts(row, PER_UNIT, cell(row, 'unit'), isBiomass(row));
    if (perEnergy === null) skips.add('table 1: no per-mmBtu values');
    if (perUnit === null) skips.add('table 1: no per-physical-unit values (Kraft pulping liquor)');
    return [
      ...(perEnergy === null ? [] : [fuelFactor(row, parseUnit('mmBtu'), perEnergy, 'HHV')]),
      ...(perUnit === null ? [] : [fuelFactor(row, hubUnit(cell(row, 'unit')), perUnit, heatContent(row))]),
    ];
  });
}

function heatContent(row: CsvRow): string {
  return `heat content ${cell(row, 'heat_content_hhv')} ${cell(row, 'heat_content_unit')}, HHV`;
}

function fuelFactor(row: CsvRow, unit: Unit, parts: CombustionParts, note: string): EmissionFactor {
  const fuel = cell(row, 'fuel_type');
  return hubFactor({
    ...parts,
    id: `epa-hub-2024/t1/${slug(fuel)}/${unit}`,
    name: `${fuel} (${cell(row, 'fuel_category')}), stationary combustion`,
    activity: `fuel.${slug(fuel)}`,
    unit,
    publishedAs: `${parts.publishedAs} (${note})`,
  });
}

/**
 * Table 2: CO2 per unit of fuel in vehicles. B100 and E100 appear in Table 1 as biomass fuels, so
 * their CO2 is biogenic here too.
 */
function table2(dataDir: string, biomassFuels: ReadonlySet<string>): EmissionFactor[] {
  return readCsv(dataDir, T2, ['fuel_type', 'kg_co2_per_unit', 'unit']).map((row) => {
    const fuel = cell(row, 'fuel_type');
    const co2 = numberOrNull(row, 'kg_co2_per_unit');
    if (co2 === null) throw new LibraryDataError(`${T2}: no CO2 value for ${fuel}`);
    const unit = hubUnit(cell(row, 'unit'));
    const biogenic = biomassFuels.has(fuel);
    return hubFactor({
      id: `epa-hub-2024/t2/${slug(fuel)}/${unit}`,
      name: `${fuel}, mobile combustion CO2`,
      activity: `mobile.${slug(fuel)}`,
      unit,
      ...(biogenic ? { biogenicCo2: co2 } : { gases: { CO2: co2 } }),
      method: 'fuel-based',
      publishedAs: `${biogenic ? 'biogenic ' : ''}CO2 ${cell(row, 'kg_co2_per_unit')} kg/${cell(row, 'unit')}`,
    });
  });
}

/** Table 7: purchased steam and heat, per mmBtu. */
function table7(dataDir: string): EmissionFactor[] {
  const rows = readCsv(dataDir, T7, ['source', ...Object.values(PER_MMBTU)]);
  return rows.flatMap((row) => {
    const parts = combustionParts(row, PER_MMBTU, 'mmBtu', false);
    if (parts === null) return [];
    const source = cell(row, 'source');
    const unit = parseUnit('mmBtu');
    const id = `epa-hub-2024/t7/${slug(source)}/${unit}`;
    return [hubFactor({ ...parts, id, name: `${source} (purchased)`, activity: 'steam-heat.purchased', unit })];
  });
}

function biomassFuelNames(dataDir: string): Set<string> {
  const rows = readCsv(dataDir, T1, T1_COLUMNS);
  return new Set(rows.filter(isBiomass).map((row) => cell(row, 'fuel_type')));
}

export function loadEpaHub2024(dataDir: string): LoadResult {
  const skips = new SkipLog();
  const parts = [loadEgrid2022(dataDir), loadHubMobileCh4N2o(dataDir), loadHubScope3(dataDir), loadHubRefrigerants(dataDir)];
  for (const part of parts) for (const [reason, n] of Object.entries(part.skipped)) skips.add(reason, n);
  const factors = [
    ...table1(dataDir, skips),
    ...table2(dataDir, biomassFuelNames(dataDir)),
    ...table7(dataDir),
    ...parts.flatMap((part) => part.factors),
  ];
  return skips.result(factors);
}
