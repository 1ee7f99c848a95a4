/**
 * @module library/egrid-2022
 * EPA Hub 2024 Table 6: eGRID2022 subregion emission rates (lb/MWh), as kg per MWh.
 * Total output rates → `electricity.grid` (location-based Scope 2); non-baseload rates →
 * `electricity.grid.non-baseload` (for avoided-emission estimates). Data year 2022.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { MWH } from '../core/units/units.js';
import { cell, numberOrNull, readCsv, type CsvRow } from './csv.js';
import { HUB_DIR, hubFactor } from './epa-hub-common.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { kgPerUnit } from './quantities.js';

const T6 = `${HUB_DIR}/table6_egrid2022_subregion_factors.csv`;
const US_AVERAGE = 'US Average';

const RATES = [
  { prefix: 'total_output', activity: 'electricity.grid', label: 'total output', idPart: 'total-output' },
  { prefix: 'nonbaseload', activity: 'electricity.grid.non-baseload', label: 'non-baseload', idPart: 'non-baseload' },
] as const;

function rateFactor(row: CsvRow, rate: (typeof RATES)[number], skips: SkipLog): EmissionFactor | null {
  const code = cell(row, 'egrid_subregion');
  const column = (gas: string): string => `${rate.prefix}_lb_${gas}_per_mwh`;
  const values = ['co2', 'ch4', 'n2o'].map((gas) => numberOrNull(row, column(gas)));
  const [co2, ch4, n2o] = values;
  if (co2 == null || ch4 == null || n2o == null) {
    skips.add(`table 6: ${rate.label} rate not published`);
    return null;
  }
  const usAverage = code === US_AVERAGE;
  return hubFactor({
    id: `epa-hub-2024/t6/${usAverage ? 'us-average' : code.toLowerCase()}/${rate.idPart}`,
    name: `eGRID2022 ${usAverage ? 'US average' : `subregion ${code} (${cell(row, 'egrid_subregion_name')})`}, ${rate.label} emission rate`,
    activity: rate.activity,
    region: usAverage ? 'US' : `US-${code}`,
    year: 2022,
    unit: MWH,
    gases: { CO2: kgPerUnit(co2, 'lb/MWh', MWH), CH4: kgPerUnit(ch4, 'lb/MWh', MWH), N2O: kgPerUnit(n2o, 'lb/MWh', MWH) },
    publishedAs: `CO2 ${cell(row, column('co2'))} lb/MWh, CH4 ${cell(row, column('ch4'))} lb/MWh, N2O ${cell(row, column('n2o'))} lb/MWh`,
  });
}

export function loadEgrid2022(dataDir: string): LoadResult {
  const columns = RATES.flatMap((r) => ['co2', 'ch4', 'n2o'].map((gas) => `${r.prefix}_lb_${gas}_per_mwh`));
  const rows = readCsv(dataDir, T6, ['egrid_subregion', 'egrid_subregion_name', ...columns]);
  const skips = new SkipLog();
  const factors = rows.flatMap((row) => RATES.map((rate) => rateFactor(row, rate, skips))).filter((f) => f !== null);
  return skips.result(factors);
}
