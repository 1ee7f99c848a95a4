/**
 * @module library/epa-hub-scope3
 * EPA Hub 2024 Scope 3 tables: 8 (upstream/downstream transport, cat 4/9), 9 (waste, cat 5/12)
 * and 10 (business travel and commuting, cat 6/7).
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { parseUnit } from '../core/units/units.js';
import { cell, numberOrNull, readCsv } from './csv.js';
import { HUB_DIR, combustionParts, hubFactor, hubUnit } from './epa-hub-common.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { toKg } from './quantities.js';
import { slug } from './slug.js';

const T8 = `${HUB_DIR}/table8_scope3_cat4_cat9_transport.csv`;
const T9 = `${HUB_DIR}/table9_scope3_cat5_cat12_waste.csv`;
const T10 = `${HUB_DIR}/table10_scope3_cat6_cat7_business_travel_commuting.csv`;

const PER_UNIT = { co2Kg: 'kg_co2_per_unit', ch4G: 'g_ch4_per_unit', n2oG: 'g_n2o_per_unit' };
const WASTE_TREATMENTS = [
  'recycled',
  'landfilled',
  'combusted',
  'composted',
  'anaerobic_digestion_dry_digestate_with_curing',
  'anaerobic_digestion_wet_digestate_with_curing',
] as const;

/**
 * Tables 8 and 10 share a layout: vehicle type, kg CO2 / g CH4 / g N2O per unit. The unit is part
 * of the id because Table 8 prints the same vehicle per vehicle-mile and per ton-mile.
 */
function distanceTable(dataDir: string, file: string, table: 't8' | 't10', prefix: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, file, ['vehicle_type', 'unit', ...Object.values(PER_UNIT)]);
  return rows.flatMap((row) => {
    const vehicle = cell(row, 'vehicle_type');
    const parts = combustionParts(row, PER_UNIT, cell(row, 'unit'), false);
    if (parts === null) {
      skips.add(`table ${table.slice(1)}: values not published`);
      return [];
    }
    const unit = hubUnit(cell(row, 'unit'));
    const id = `epa-hub-2024/${table}/${slug(vehicle)}/${unit}`;
    return [hubFactor({ ...parts, id, name: vehicle, activity: `${prefix}.${slug(vehicle)}`, unit, method: 'distance-based' })];
  });
}

/**
 * Table 9: metric tons CO2e per short ton of material, by end-of-life treatment. The Hub computes
 * these with AR4 GWPs (from EPA WARM), so they carry `co2e` with gwpBasis AR4, not gases.
 */
function table9(dataDir: string, skips: SkipLog): EmissionFactor[] {
  const rows = readCsv(dataDir, T9, ['material', ...WASTE_TREATMENTS]);
  const shortTon = parseUnit('short_ton');
  return rows.flatMap((row) => {
    const material = cell(row, 'material');
    return WASTE_TREATMENTS.flatMap((treatment) => {
      const tonnes = numberOrNull(row, treatment);
      if (tonnes === null) {
        skips.add('table 9: NA (treatment not applicable to the material)');
        return [];
      }
      const treatmentSlug = slug(treatment);
      return [
        hubFactor({
          id: `epa-hub-2024/t9/${slug(material)}/${treatmentSlug}`,
          name: `${material}, ${treatment.replace(/_/g, ' ')}`,
          activity: `waste.${slug(material)}.${treatmentSlug}`,
          unit: shortTon,
          co2e: toKg(tonnes, 't'),
          gwpBasis: 'AR4',
          method: 'average-data',
          publishedAs: `${cell(row, treatment)} metric tons CO2e/short ton`,
        }),
      ];
    });
  });
}

export function loadHubScope3(dataDir: string): LoadResult {
  const skips = new SkipLog();
  return skips.result([
    ...distanceTable(dataDir, T8, 't8', 'transport', skips),
    ...table9(dataDir, skips),
    ...distanceTable(dataDir, T10, 't10', 'travel', skips),
  ]);
}
