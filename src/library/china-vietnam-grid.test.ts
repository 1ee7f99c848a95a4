import { describe, expect, it } from 'vitest';
import { loadChinaVietnamGrid } from './china-vietnam-grid.js';
import { defaultDataDir, loadLibrary } from './load-library.js';

describe('China and Viet Nam grid factors', () => {
  const byId = new Map(loadChinaVietnamGrid(defaultDataDir()).factors.map((f) => [f.id, f]));

  it('China 2022 national 0.5366 kg CO2/kWh → 536.6 kg CO2/MWh', () => {
    // MEE & NBS announcement dated 2024-12-20 (secondary): 2022 national average 0.5366 kgCO2/kWh.
    expect(byId.get('cn-mee-2022/grid/CN/2022')).toMatchObject({
      activity: 'electricity.grid',
      region: 'CN',
      year: 2022,
      unit: 'MWh',
      gases: { CO2: 536.6 },
    });
    // Same announcement: 0.5856 excluding market-traded non-fossil power.
    expect(byId.get('cn-mee-2022/grid-excluding-market-non-fossil/CN/2022')?.gases).toEqual({ CO2: 585.6 });
  });

  it('provinces Yunnan 0.1073 and Sichuan 0.1404 (2022)', () => {
    const lib = loadLibrary();
    expect(lib.index.select({ activity: 'electricity.grid', region: 'CN-YN', year: 2022 }).factor.gases).toEqual({ CO2: 107.3 });
    expect(lib.index.select({ activity: 'electricity.grid', region: 'CN-SC', year: 2022 }).factor.gases).toEqual({ CO2: 140.4 });
    // A province without its own factor falls back to the national one.
    const guangdong = lib.index.select({ activity: 'electricity.grid', region: 'CN-GD', year: 2022 });
    expect(guangdong.factor.id).toBe('cn-mee-2022/grid/CN/2022');
  });

  it('2023 product carbon-footprint factor 0.6205 kg CO2e/kWh has its own activity', () => {
    // MEE / NBS / NEA 2023 national electricity carbon-footprint factor (not for Scope 2).
    expect(byId.get('cn-electricity-footprint-2023/product-footprint/CN/2023')).toMatchObject({
      activity: 'electricity.product-footprint',
      co2e: 620.5,
    });
  });

  it('Viet Nam 2023 0.6592 t CO2e/MWh → 659.2 kg CO2e/MWh', () => {
    // DCC / MONRE grid emission factor 2023 (secondary): 0.6592 tCO2e/MWh; 2022: 0.6766.
    expect(byId.get('vn-dcc-2023/grid/VN/2023')).toMatchObject({ region: 'VN', co2e: 659.2 });
    expect(byId.get('vn-dcc-2023/grid/VN/2022')?.co2e).toBe(676.6);
  });
});
