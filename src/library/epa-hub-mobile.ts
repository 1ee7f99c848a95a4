/**
 * @module library/epa-hub-mobile
 * EPA Hub 2024 Tables 3–5: CH4 and N2O of mobile combustion, which depend on the vehicle and its
 * emission controls rather than on the fuel's carbon. Tables 3/4 are per vehicle-mile by model
 * year (on-road), Table 5 per gallon (non-road). CO2 comes from Table 2 (per unit of fuel).
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { parseUnit, type Unit } from '../core/units/units.js';
import { cell, numberOrNull, readCsv, type CsvRow } from './csv.js';
import { HUB_DIR, hubFactor } from './epa-hub-common.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { toKg } from './quantities.js';
import { slug } from './slug.js';

const T3 = `${HUB_DIR}/table3_mobile_ch4_n2o_onroad_gasoline.csv`;
const T4 = `${HUB_DIR}/table4_mobile_ch4_n2o_onroad_diesel_altfuel.csv`;
const T5 = `${HUB_DIR}/table5_mobile_ch4_n2o_nonroad.csv`;

const PER_VMI = { ch4: 'g_ch4_per_vehicle_mile', n2o: 'g_n2o_per_vehicle_mile', printed: 'g/vehicle-mile' };
const PER_GAL = { ch4: 'g_ch4_per_gallon', n2o: 'g_n2o_per_gallon', printed: 'g/gallon' };

interface Row {
  readonly table: 't3' | 't4' | 't5';
  /** Slugs that identify the row: vehicle, then fuel and/or model year. */
  readonly path: readonly string[];
  readonly name: string;
  readonly unit: Unit;
  readonly columns: typeof PER_VMI | typeof PER_GAL;
}

function ch4N2oFactor(row: CsvRow, spec: Row, skips: SkipLog): EmissionFactor[] {
  const ch4 = numberOrNull(row, spec.columns.ch4);
  const n2o = numberOrNull(row, spec.columns.n2o);
  if (ch4 === null || n2o === null) {
    skips.add(`table ${spec.table.slice(1)}: CH4 or N2O not published`);
    return [];
  }
  const per = spec.columns.printed;
  return [
    hubFactor({
      id: `epa-hub-2024/${spec.table}/${spec.path.join('/')}`,
      name: `${spec.name}: CH4 and N2O`,
      activity: `mobile.${spec.path.join('.')}.ch4-n2o`,
      unit: spec.unit,
      gases: { CH4: toKg(ch4, 'g'), N2O: toKg(n2o, 'g') },
      method: spec.unit === parseUnit('gal') ? 'fuel-based' : 'distance-based',
      publishedAs: `CH4 ${cell(row, spec.columns.ch4)} ${per}, N2O ${cell(row, spec.columns.n2o)} ${per}`,
    }),
  ];
}

/** Table 3: on-road gasoline vehicles by model year (`≤1980` becomes `up-to-1980`). */
function table3(dataDir: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, T3, ['vehicle_type', 'model_year', PER_VMI.ch4, PER_VMI.n2o]);
  return rows.flatMap((row) => {
    const vehicle = cell(row, 'vehicle_type');
    const year = cell(row, 'model_year');
    const name = `${vehicle}, model year ${year}`;
    return ch4N2oFactor(row, { table: 't3', path: [slug(vehicle), slug(year)], name, unit: parseUnit('vmi'), columns: PER_VMI }, skips);
  });
}

/** Table 4: on-road diesel by model year, and alternative-fuel vehicles (no model year). */
function table4(dataDir: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, T4, ['vehicle_type', 'fuel_type', 'model_year', PER_VMI.ch4, PER_VMI.n2o]);
  return rows.flatMap((row) => {
    const vehicle = cell(row, 'vehicle_type');
    const fuel = cell(row, 'fuel_type');
    const year = cell(row, 'model_year');
    const path = year === '' ? [slug(vehicle), slug(fuel)] : [slug(vehicle), slug(fuel), slug(year)];
    const name = `${vehicle}, ${fuel}${year === '' ? '' : `, model year ${year}`}`;
    return ch4N2oFactor(row, { table: 't4', path, name, unit: parseUnit('vmi'), columns: PER_VMI }, skips);
  });
}

/** Table 5: non-road vehicles and equipment, per gallon of fuel. */
function table5(dataDir: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, T5, ['vehicle_type', 'fuel_type', PER_GAL.ch4, PER_GAL.n2o]);
  return rows.flatMap((row) => {
    const vehicle = cell(row, 'vehicle_type');
    const fuel = cell(row, 'fuel_type');
    const path = [slug(vehicle), slug(fuel)];
    return ch4N2oFactor(row, { table: 't5', path, name: `${vehicle}, ${fuel}`, unit: parseUnit('gal'), columns: PER_GAL }, skips);
  });
}

export function loadHubMobileCh4N2o(dataDir: string): LoadResult {
  const skips = new SkipLog();
  return skips.result([...table3(dataDir, skips), ...table4(dataDir, skips), ...table5(dataDir, skips)]);
}
