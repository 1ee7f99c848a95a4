/**
 * Real published factors for core tests, each with its citation, so core tests do not need the
 * file-backed library. Values copied from the sources named; kg per unit unless noted.
 */
import { gwpSet, parseUnit, type Dataset, type EmissionFactor } from '../core/index.js';

const LB = 0.45359237;

export const EPA_HUB_2024: Dataset = {
  id: 'epa-hub-2024', name: 'GHG Emission Factors Hub', publisher: 'US EPA', version: '2024', year: 2024,
  licence: 'public domain (US Government work)', url: 'https://www.epa.gov/climateleadership/ghg-emission-factors-hub',
};
const MONRE: Dataset = {
  id: 'vn-dcc', name: 'Viet Nam grid emission factor', publisher: 'DCC/MONRE', version: '2014–2023', year: 2024,
  licence: 'facts; cite the ministry', url: 'https://example.invalid/dcc',
};
const GREEN_E: Dataset = {
  id: 'green-e-2025', name: 'Green-e Residual Mix Emissions Rates', publisher: 'Center for Resource Solutions', version: '2025 (2023 data)',
  year: 2025, licence: 'cite CRS', url: 'https://www.green-e.org/residual-mix',
};

/** EPA Hub 2024 table 1: natural gas 53.06 kg CO2, 1 g CH4, 0.1 g N2O per mmBtu. */
export const naturalGas: EmissionFactor = {
  id: 'epa-hub-2024/t1/natural-gas/mmBtu', dataset: EPA_HUB_2024, name: 'Natural Gas', activity: 'fuel.natural-gas',
  region: 'US', year: 2024, unit: parseUnit('mmBtu'), gases: { CO2: 53.06, CH4: 0.001, N2O: 0.0001 },
};
/** EPA Hub 2024 table 2: diesel fuel 10.21 kg CO2 per gallon (mobile). */
export const dieselMobile: EmissionFactor = {
  id: 'epa-hub-2024/t2/diesel-fuel/gal', dataset: EPA_HUB_2024, name: 'Diesel Fuel', activity: 'mobile.diesel-fuel',
  region: 'US', year: 2024, unit: parseUnit('gal'), gases: { CO2: 10.21 },
};
/** EPA Hub 2024 table 1: wood and wood residuals, 93.8 kg CO2 (biogenic), 7.2 g CH4, 3.6 g N2O per mmBtu. */
export const wood: EmissionFactor = {
  id: 'epa-hub-2024/t1/wood-and-wood-residuals/mmBtu', dataset: EPA_HUB_2024, name: 'Wood and Wood Residuals',
  activity: 'fuel.wood-and-wood-residuals', region: 'US', year: 2024, unit: parseUnit('mmBtu'),
  gases: { CH4: 0.0072, N2O: 0.0036 }, biogenicCo2: 93.8,
};
/** EPA Hub 2024 table 6 (eGRID2022): RFCE 657.386 lb CO2, 0.045 lb CH4, 0.006 lb N2O per MWh. */
export const egridRfce: EmissionFactor = {
  id: 'epa-hub-2024/egrid2022/RFCE', dataset: EPA_HUB_2024, name: 'eGRID2022 RFC East', activity: 'electricity.grid',
  region: 'US-RFCE', year: 2022, unit: parseUnit('MWh'), gases: { CO2: 657.386 * LB, CH4: 0.045 * LB, N2O: 0.006 * LB },
};
/** EPA Hub 2024 table 6 (eGRID2022): US average 823.149 lb CO2, 0.066 lb CH4, 0.009 lb N2O per MWh. */
export const egridUs: EmissionFactor = {
  id: 'epa-hub-2024/egrid2022/US', dataset: EPA_HUB_2024, name: 'eGRID2022 US average', activity: 'electricity.grid',
  region: 'US', year: 2022, unit: parseUnit('MWh'), gases: { CO2: 823.149 * LB, CH4: 0.066 * LB, N2O: 0.009 * LB },
};
/** DCC/MONRE Viet Nam grid emission factors: 2022 0.6766, 2023 0.6592 t CO2e/MWh. */
export const vnGrid2022: EmissionFactor = {
  id: 'vn-dcc/2022', dataset: MONRE, name: 'Viet Nam grid EF 2022', activity: 'electricity.grid', region: 'VN', year: 2022,
  unit: parseUnit('MWh'), co2e: 676.6, gwpBasis: 'as published (t CO2e/MWh)',
};
export const vnGrid2023: EmissionFactor = { ...vnGrid2022, id: 'vn-dcc/2023', name: 'Viet Nam grid EF 2023', year: 2023, co2e: 659.2 };
/** Green-e 2025 residual mix (2023 data): RFCE 599.24 lb/MWh. */
export const residualRfce: EmissionFactor = {
  id: 'green-e-2025/RFCE', dataset: GREEN_E, name: 'Green-e residual mix RFCE', activity: 'electricity.residual-mix',
  region: 'US-RFCE', year: 2023, unit: parseUnit('MWh'), gases: { CO2: 599.24 * LB },
};

export const REAL_FACTORS: readonly EmissionFactor[] = [naturalGas, dieselMobile, wood, egridRfce, egridUs, vnGrid2022, vnGrid2023, residualRfce];

/** IPCC GWP100 (GHG Protocol table, Feb 2016 / AR6 WG1 7.SM.7). */
export const AR4 = gwpSet('AR4', { CO2: 1, CH4: 25, N2O: 298, SF6: 22800, HFC134a: 1430 });
export const AR5 = gwpSet('AR5', { CO2: 1, CH4: 28, N2O: 265, SF6: 23500, HFC134a: 1300 });
export const AR6 = gwpSet('AR6', { CO2: 1, CH4: 27.9, N2O: 273, SF6: 25200, HFC134a: 1530 });
