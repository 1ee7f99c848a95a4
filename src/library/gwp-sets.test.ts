import { describe, expect, it } from 'vitest';
import { co2eOf, gwpOf } from '../core/gwp/gwp.js';
import { loadGasFactors, loadGwpSets } from './gwp-sets.js';
import { defaultDataDir } from './load-library.js';

const dataDir = defaultDataDir();
const sets = loadGwpSets(dataDir);

describe('GWP sets (openclimatedata/globalwarmingpotentials v0.13.1)', () => {
  it('AR5: CH4 28, N2O 265, SF6 23500', () => {
    // IPCC AR5 GWP100 as in the GHG Protocol table (Feb 2016); also EPA Hub 2024 Table 11.
    expect([gwpOf('CH4', sets.AR5), gwpOf('N2O', sets.AR5), gwpOf('SF6', sets.AR5)]).toEqual([28, 265, 23500]);
  });

  it('AR4: CH4 25, N2O 298', () => {
    // IPCC AR4 GWP100 (GHG Protocol table, Feb 2016).
    expect([gwpOf('CH4', sets.AR4), gwpOf('N2O', sets.AR4)]).toEqual([25, 298]);
  });

  it('AR6: CH4 27.9, N2O 273; CH4 fossil 29.8 / non-fossil 27.0', () => {
    // IPCC AR6 WG1 Table 7.SM.7 (CH4 27.9, N2O 273); Table 7.15 fossil/non-fossil as quoted (data README).
    expect([gwpOf('CH4', sets.AR6), gwpOf('N2O', sets.AR6)]).toEqual([27.9, 273]);
    expect([gwpOf('CH4_fossil', sets.AR6), gwpOf('CH4_non_fossil', sets.AR6)]).toEqual([29.8, 27]);
    expect(gwpOf('CH4_fossil', sets.AR5)).toBe(30);
    expect(sets.AR4.values.has('CH4_fossil')).toBe(false);
  });

  it('a blank cell leaves the species out of that set', () => {
    // The file has no AR4 value for HFC-41, an AR5 value of 116.
    expect(sets.AR4.values.has('HFC41')).toBe(false);
    expect(gwpOf('HFC-41', sets.AR5)).toBe(116);
  });
});

describe('gas.<species> factors', () => {
  const gas = loadGasFactors(dataDir);
  const byId = new Map(gas.factors.map((f) => [f.id, f]));

  it('1 kg of HFC-134a weighs 1300 kg CO2e under AR5, 1430 under AR4', () => {
    // GWP file: HFC134a AR4 1430, AR5 1300, AR6 1530.
    const f = byId.get('ipcc-gwp/gas/HFC134a');
    expect(f).toMatchObject({ activity: 'gas.hfc134a', unit: 'kg', region: 'WORLD', gases: { HFC134a: 1 } });
    expect(co2eOf(f?.gases ?? {}, sets.AR5)).toBe(1300);
    expect(co2eOf(f?.gases ?? {}, sets.AR4)).toBe(1430);
  });

  it('one factor per species with a GWP, activity keys lowercase with hyphens', () => {
    // 108 rows: 91 species with at least one AR4/AR5/AR6 value, 17 with none.
    expect(gas.factors).toHaveLength(91);
    expect(gas.skipped).toEqual({ 'GWP: species with no AR4/AR5/AR6 value (no gas factor)': 17 });
    expect(byId.get('ipcc-gwp/gas/CH4_non_fossil')?.activity).toBe('gas.ch4-non-fossil');
    expect(byId.get('ipcc-gwp/gas/cC4F8')?.activity).toBe('gas.cc4f8');
  });
});
