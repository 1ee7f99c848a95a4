/**
 * @module library/china-vietnam-grid
 * Official grid factors of China (MEE/NBS, data year 2022; 2023 product-footprint factor) and
 * Viet Nam (DCC/MONRE, 2014–2023), all read from secondary pages (see data/README.md).
 * China's kg CO2/kWh are CO2 only → `gases.CO2`; Viet Nam's t CO2e/MWh and the footprint factor
 * are CO2e → `co2e`.
 */
import type { Dataset, EmissionFactor } from '../core/factors/factor.js';
import { MWH } from '../core/units/units.js';
import { LibraryDataError, cell, numberOrNull, readCsv, type CsvRow } from './csv.js';
import { CN_FOOTPRINT_2023, CN_MEE_2022, VN_DCC_2023 } from './datasets.js';
import { SkipLog, type LoadResult } from './load-result.js';
import { kgPerUnit } from './quantities.js';

const FILE = 'grid_factors_china_vietnam.csv';
const COUNTRY: Readonly<Record<string, string>> = { CHN: 'CN', VNM: 'VN' };
/** ISO 3166-2:CN province codes of the provinces in the file. */
const PROVINCE: Readonly<Record<string, string>> = { Yunnan: 'CN-YN', Sichuan: 'CN-SC' };

interface Kind {
  readonly activity: string;
  readonly slug: string;
  readonly dataset: Dataset;
}

/** Which factor a row is, from its factor_type wording (see the file). */
function kindOf(row: CsvRow): Kind {
  const type = cell(row, 'factor_type');
  if (cell(row, 'iso_code') === 'VNM') return { activity: 'electricity.grid', slug: 'grid', dataset: VN_DCC_2023 };
  if (/carbon footprint/i.test(type)) {
    return { activity: 'electricity.product-footprint', slug: 'product-footprint', dataset: CN_FOOTPRINT_2023 };
  }
  if (/excluding market-traded non-fossil/i.test(type)) {
    const activity = 'electricity.grid.excluding-market-non-fossil';
    return { activity, slug: 'grid-excluding-market-non-fossil', dataset: CN_MEE_2022 };
  }
  return { activity: 'electricity.grid', slug: 'grid', dataset: CN_MEE_2022 };
}

function regionOf(row: CsvRow): string {
  const scope = cell(row, 'scope');
  const province = scope.startsWith('province:') ? PROVINCE[scope.slice('province:'.length)] : undefined;
  const country = COUNTRY[cell(row, 'iso_code')];
  const region = scope === 'national' ? country : province;
  if (region === undefined) throw new LibraryDataError(`${FILE}: no region code for ${cell(row, 'iso_code')} ${scope}`);
  return region;
}

/** `kgCO2/kWh` → CO2 only; `kgCO2e/kWh`, `tCO2e/MWh` → CO2e. Returns the gas basis and kg/MWh. */
function perMwh(value: number, unitText: string): { basis: 'CO2' | 'CO2e'; kg: number } {
  const match = /^(kg|t)(CO2e?)\/(kWh|MWh)$/.exec(unitText);
  if (match === null) throw new LibraryDataError(`${FILE}: unit "${unitText}" not understood`);
  const [, mass, gas, per] = match;
  return { basis: gas === 'CO2' ? 'CO2' : 'CO2e', kg: kgPerUnit(value, `${mass}/${per}`, MWH) };
}

function gridFactor(row: CsvRow, value: number): EmissionFactor {
  const kind = kindOf(row);
  const region = regionOf(row);
  const year = Number(cell(row, 'year'));
  const { basis, kg } = perMwh(value, cell(row, 'unit'));
  return {
    id: `${kind.dataset.id}/${kind.slug}/${region}/${year}`,
    dataset: kind.dataset,
    name: `${cell(row, 'country')} ${cell(row, 'scope')}: ${cell(row, 'factor_type')}`,
    activity: kind.activity,
    region,
    year,
    unit: MWH,
    ...(basis === 'CO2' ? { gases: { CO2: kg } } : { co2e: kg, gwpBasis: 'not stated by the source' }),
    publishedAs: `${cell(row, 'value')} ${cell(row, 'unit')} (${cell(row, 'publisher')}; ${cell(row, 'verification')})`,
  };
}

export function loadChinaVietnamGrid(dataDir: string): LoadResult {
  const columns = ['country', 'iso_code', 'scope', 'year', 'value', 'unit', 'factor_type', 'publisher', 'verification'];
  const rows = readCsv(dataDir, FILE, columns);
  const skips = new SkipLog();
  const factors = rows.flatMap((row) => {
    const value = numberOrNull(row, 'value');
    if (value === null) skips.add('China/Viet Nam: no value');
    return value === null ? [] : [gridFactor(row, value)];
  });
  return skips.result(factors);
}
