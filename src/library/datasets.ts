/**
 * @module library/datasets
 * The datasets shipped in data/, as cited on every factor. Provenance, transformations and caveats
 * of each file are in data/README.md; the `version` strings name the exact edition used.
 */
import type { Dataset } from '../core/factors/factor.js';

export const EPA_HUB_2024: Dataset = {
  id: 'epa-hub-2024',
  name: 'GHG Emission Factors Hub (Emission Factors for Greenhouse Gas Inventories)',
  publisher: 'US Environmental Protection Agency (EPA), Center for Corporate Climate Leadership',
  version: '2024 edition, last modified 2024-02-13 (eGRID2022 in Table 6)',
  year: 2024,
  licence: 'US Government work, public domain',
  url: 'https://www.epa.gov/climateleadership/ghg-emission-factors-hub',
};

export const EPA_USEEIO_1_2: Dataset = {
  id: 'epa-useeio-1.2',
  name: 'Supply Chain Greenhouse Gas Emission Factors v1.2 by NAICS-6 (USEEIO)',
  publisher: 'US EPA Office of Research and Development',
  version: 'v1.2, modified 2023-04-12 (kg CO2e per 2021 USD, GHG data year 2019, AR4)',
  year: 2023,
  licence: 'EPA ScienceHub licence (EPA data, public domain): https://pasteur.epa.gov/license/sciencehub-license.html',
  url: 'https://doi.org/10.23719/1528686',
};

export const DESNZ_2025: Dataset = {
  id: 'desnz-2025',
  name: 'UK Government GHG Conversion Factors for Company Reporting 2025 (flat file)',
  publisher: 'Department for Energy Security and Net Zero (DESNZ), UK',
  version: 'Flat file, final, version 1, updated 2025-06-10',
  year: 2025,
  licence:
    'Open Government Licence v3.0. Contains public sector information licensed under the Open Government ' +
    'Licence v3.0. Source: DESNZ, UK Government GHG Conversion Factors for Company Reporting 2025.',
  url: 'https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2025',
};

export const OWID_EMBER_2025: Dataset = {
  id: 'owid-ember-2025',
  name: 'Carbon intensity of electricity generation (life-cycle, g CO2e/kWh)',
  publisher: 'Our World in Data, from Ember and the Energy Institute',
  version: 'Ember Yearly Electricity Data (2025); Energy Institute Statistical Review of World Energy (2024); OWID grapher export, Dec 2025',
  year: 2025,
  licence:
    'CC BY 4.0. Ember (2025); Energy Institute - Statistical Review of World Energy (2024) – with major ' +
    'processing by Our World in Data',
  url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity',
};

export const CN_MEE_2022: Dataset = {
  id: 'cn-mee-2022',
  name: 'China electricity CO2 emission factors for 2022 (national and provincial)',
  publisher: 'Ministry of Ecology and Environment (MEE) and National Bureau of Statistics (NBS), China',
  version: 'Announcement dated 2024-12-20; values read from secondary pages',
  year: 2024,
  licence: 'No licence stated; official figures cited as facts (cite MEE and NBS)',
  url: 'https://dhirubhai.net/pulse/grid-emission-factor-key-progress-chinas-climate-4nklc',
};

export const CN_FOOTPRINT_2023: Dataset = {
  id: 'cn-electricity-footprint-2023',
  name: 'China national electricity carbon-footprint factor 2023 (for product footprints)',
  publisher: 'MEE, NBS and National Energy Administration (NEA), China',
  version: 'Data year 2023; publication date not recorded (year below is the data year); read from a secondary page',
  year: 2023,
  licence: 'No licence stated; official figure cited as a fact (cite MEE / NBS / NEA)',
  url: 'http://krq515.cn/carbon/tanguanli/7358.html',
};

export const VN_DCC_2023: Dataset = {
  id: 'vn-dcc-2023',
  name: 'Viet Nam national grid emission factors 2014–2023',
  publisher: 'Department of Climate Change (DCC), Ministry of Natural Resources and Environment (MONRE), Viet Nam',
  version: 'Series 2014–2023 (CDM Tool 07 combined margin); year below is the latest data year; read from secondary pages',
  year: 2023,
  licence: 'No licence stated; official figures cited as facts (cite DCC / MONRE)',
  url: 'https://www.climatechange.vn/climate_news/viet-nams-2023-updated-grid-emission-factor-signifies-lower-electricity-emissions/',
};

const AIB_LICENCE =
  'No open licence stated by AIB (redistribution terms not confirmed; vendors list "permission granted by AIB"). Cite AIB.';

function aib(dataYear: number, version: string, published: number): Dataset {
  return {
    id: `aib-erm-${dataYear}`,
    name: `European Residual Mixes ${dataYear} (residual mix CO2, g/kWh)`,
    publisher: 'Association of Issuing Bodies (AIB)',
    version: `${version}; values read from secondary transcriptions`,
    year: published,
    licence: AIB_LICENCE,
    url: 'https://www.aib-net.org/facts/european-residual-mix',
  };
}

export const AIB_ERM_2023 = aib(2023, 'v1.0 (2024-05-30), Table 2', 2024);
export const AIB_ERM_2024 = aib(2024, 'v1.1 (2025-08-11; values from the 2025-05-30 results workbook)', 2025);
export const AIB_ERM_2025 = aib(2025, 'v1.0 (2026-05-26), Table 2', 2026);

export const GREEN_E_2025: Dataset = {
  id: 'green-e-rm-2025',
  name: 'Green-e Residual Mix Emissions Rates, 2025 edition (2023 data), adjusted system mix by eGRID subregion',
  publisher: 'Center for Resource Solutions (Green-e)',
  version: '2025 edition (2023 data), released 2026-01-29; values read from a secondary transcription',
  year: 2026,
  licence: 'No open licence stated; CRS asks users to cite the rates',
  url: 'https://www.green-e.org/residual-mix',
};

export const AU_NGA_2023: Dataset = {
  id: 'au-nga-2023',
  name: 'National Greenhouse Accounts Factors 2023, residual mix factor',
  publisher: 'Australian Government, Department of Climate Change, Energy, the Environment and Water (DCCEEW)',
  version: 'NGA Factors 2023; value seen only in a secondary source, not checked against the PDF',
  year: 2023,
  licence: 'Australian Government publication; licence not confirmed',
  url: 'https://www.dcceew.gov.au/climate-change/publications/national-greenhouse-accounts-factors',
};

export const IPCC_GWP: Dataset = {
  id: 'ipcc-gwp',
  name: 'GWP100 of greenhouse gases, IPCC AR4, AR5 and AR6',
  publisher: 'openclimatedata/globalwarmingpotentials (IPCC AR4/AR5 via the GHG Protocol table of Feb 2016; AR6 WG1 Table 7.SM.7)',
  version: 'v0.13.1 (commit fc4e6f4); year below is that of the newest source, AR6 WG1',
  year: 2021,
  licence: 'CC0 1.0',
  url: 'https://github.com/openclimatedata/globalwarmingpotentials',
};

/** Identity for CO2e reported by suppliers (src/library/reported-emissions.ts). */
export const REPORTED: Dataset = {
  id: 'reported',
  name: 'Emissions reported as CO2e by the data provider (identity, no factor applied)',
  publisher: 'the reporting supplier or data provider (see the record)',
  version: '1',
  year: 2026,
  licence: 'not applicable: the figure is the provider\'s own',
  // The method this identity serves: supplier-specific data in the GHG Protocol Scope 3 Standard.
  url: 'https://ghgprotocol.org/standards/scope-3-standard',
};

export const ALL_DATASETS: readonly Dataset[] = [
  EPA_HUB_2024,
  EPA_USEEIO_1_2,
  DESNZ_2025,
  OWID_EMBER_2025,
  CN_MEE_2022,
  CN_FOOTPRINT_2023,
  VN_DCC_2023,
  AIB_ERM_2023,
  AIB_ERM_2024,
  AIB_ERM_2025,
  GREEN_E_2025,
  AU_NGA_2023,
  IPCC_GWP,
  REPORTED,
];
