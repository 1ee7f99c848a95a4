/**
 * @module library/epa-supply-chain
 * US EPA Supply Chain GHG Emission Factors v1.2 (USEEIO), by NAICS-6 code: kg CO2e per 2021 USD
 * at purchaser price, AR4 GWPs, GHG data year 2019. Spend-based Scope 3 (categories 1 and 2).
 * The factor is the "with margins" figure, because spend is recorded at purchaser prices.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { parseUnit } from '../core/units/units.js';
import { LibraryDataError, cell, numberOrNull, readCsv } from './csv.js';
import { EPA_USEEIO_1_2 } from './datasets.js';
import { SkipLog, type LoadResult } from './load-result.js';

const FILE = 'epa_supply_chain_factors_v1.2/SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv';
const CODE = 'NAICS Code 2017';
const TITLE = 'NAICS Title 2017';
const WITHOUT = 'Supply Chain Emission Factors without Margins';
const MARGINS = 'Margins of Supply Chain Emission Factors';
const WITH = 'Supply Chain Emission Factors with Margins';
const UNIT_TEXT = 'kg CO2e/2021 USD, purchaser price';

export function loadEpaSupplyChain(dataDir: string): LoadResult {
  const rows = readCsv(dataDir, FILE, [CODE, TITLE, 'GHG', 'Unit', WITHOUT, MARGINS, WITH]);
  const skips = new SkipLog();
  const usd = parseUnit('USD');
  const factors: EmissionFactor[] = [];
  for (const row of rows) {
    // Guard: the conversion below assumes every row is in this one unit.
    if (cell(row, 'Unit') !== UNIT_TEXT) throw new LibraryDataError(`${FILE}: unexpected unit "${cell(row, 'Unit')}"`);
    const co2e = numberOrNull(row, WITH);
    if (co2e === null) {
      skips.add('supply chain: no factor with margins');
      continue;
    }
    const code = cell(row, CODE);
    factors.push({
      id: `epa-useeio-1.2/naics/${code}`,
      dataset: EPA_USEEIO_1_2,
      name: `${cell(row, TITLE)} (NAICS ${code})`,
      activity: `spend.naics.${code}`,
      region: 'US',
      year: 2019,
      unit: usd,
      priceYear: 2021,
      co2e,
      gwpBasis: 'AR4',
      method: 'spend-based',
      publishedAs:
        `${cell(row, WITH)} kg CO2e/2021 USD with margins (purchaser price) = ` +
        `${cell(row, WITHOUT)} without margins + ${cell(row, MARGINS)} margins; ${cell(row, 'GHG')}`,
    });
  }
  return skips.result(factors);
}
