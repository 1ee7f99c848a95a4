import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../library/load-library.js';
import { AppError } from '../app-error.js';
import { calculate } from './calculate.js';

const library = loadLibrary();
const LB = 0.45359237;
const example = JSON.parse(readFileSync(new URL('../../../examples/calc-example.json', import.meta.url), 'utf8')) as unknown;

const one = (activity: object, extra: object = {}) => calculate({ activities: [{ id: 'x', ...activity }], ...extra }, library);

describe('calculate (calc format, shipped library)', () => {
  it('reproduces the documented example', () => {
    const out = calculate(example, library);
    const byId = Object.fromEntries(out.results.map((r) => [r.id, r]));
    expect(byId.a1?.co2e_kg).toBe(2152); // 800 L × 2.69 kg/L
    expect(byId.e1?.co2e_kg).toBe(18_668.705); // 50 MWh × 823.149 lb × 0.45359237 kg/lb
    expect(byId.e1?.market_co2e_kg).toBe(10_000); // 30 MWh certificate at 0 + 20 MWh × 0.5 kg/kWh residual mix
    expect(byId.p1?.co2e_kg).toBe(560); // EPA USEEIO v1.2 NAICS 334111: 0.112 kg CO2e/2021 USD with margins
    expect(byId.p1?.method).toBe('spend-based');
    expect(out.instruments).toEqual([{ id: 'rec1', applied_mwh: 30, remaining_mwh: 0, excluded: null }]);
    expect(out.totals.total_market_kg).toBe(out.totals.scope1_kg + out.totals.scope2_market_kg + out.totals.scope3_kg);
  });

  it('gives byte-identical output for the same input', () => {
    expect(JSON.stringify(calculate(example, library))).toBe(JSON.stringify(calculate(example, library)));
  });

  // DESNZ 2025 natural gas, gross CV: 0.18296 kg CO2e/kWh, of which CO2 0.18259, CH4 0.00028, N2O 0.00009.
  it('splits a CO2e factor by gas where its source publishes the split', () => {
    const out = one({ scope: 1, quantity: 1000, unit: 'kWh', factor: 'desnz-2025/1_100_1004_6/kWh-gross-cv' });
    expect(out.totals.scope1_kg).toBe(182.96);
    expect(out.totals.co2e_by_gas_kg).toEqual({ CH4: 0.28, CO2: 182.59, N2O: 0.09 });
    // A factor published as CO2e without a split stays unsplit (EPA USEEIO spend, AR4 CO2e).
    const spend = one({ scope: 3, category: 1, quantity: 1000, unit: 'USD', price_year: 2021, activity: 'spend.naics.334111', region: 'US' });
    expect(Object.keys(spend.totals.co2e_by_gas_kg)).toEqual(['unsplit']);
  });

  // EPA GHG Emission Factors Hub 2024, table 1: natural gas 53.06 kg CO2/mmBtu and 0.05444 kg CO2/scf.
  it('uses EPA Hub 2024 stationary combustion factors', () => {
    const perMmbtu = one({ scope: 1, quantity: 100, unit: 'mmBtu', factor: 'epa-hub-2024/t1/natural-gas/mmBtu' });
    expect(perMmbtu.results[0]?.gases_kg.CO2).toBe(5306);
    const perScf = one({ scope: 1, quantity: 1_000_000, unit: 'scf', activity: 'fuel.natural-gas', region: 'US', period: 2024 });
    expect(perScf.results[0]?.gases_kg.CO2).toBe(54_440);
  });

  // EPA Hub 2024 table 2: diesel 10.21 kg CO2/gal (mobile combustion).
  it('uses EPA Hub 2024 mobile factors with unit conversion', () => {
    const out = one({ scope: 1, quantity: 100, unit: 'gal', factor: 'epa-hub-2024/t2/diesel-fuel/gal' });
    expect(out.results[0]?.co2e_kg).toBe(1021);
  });

  // eGRID2022 (EPA Hub 2024 table 6) RFCE: 657.386 lb CO2, 0.045 lb CH4, 0.006 lb N2O per MWh; IPCC AR5 / AR6 GWPs.
  it('selects eGRID subregion factors and weights their gases with the chosen GWP set', () => {
    const line = { scope: 2, quantity: 10, unit: 'MWh', activity: 'electricity.grid', region: 'US-RFCE', period: '2024-05' };
    const ar5 = one(line).results[0];
    expect(ar5?.co2e_kg).toBeCloseTo(10 * (657.386 + 0.045 * 28 + 0.006 * 265) * LB, 3);
    expect(ar5?.explanation).toContain('no 2024 value for US-RFCE; used 2022, the latest not after 2024');
    const ar6 = one(line, { gwp: 'AR6' }).results[0];
    expect(ar6?.co2e_kg).toBeCloseTo(10 * (657.386 + 0.045 * 27.9 + 0.006 * 273) * LB, 3);
  });

  // AIB European Residual Mixes 2024 (v1.1): Germany 724.56 g CO2/kWh.
  it('falls to the library residual mix when the input gives none', () => {
    const out = one({ scope: 2, quantity: 1000, unit: 'kWh', activity: 'electricity.grid-intensity', region: 'DE', market: 'DE', period: 2024 });
    expect(out.results[0]?.market_co2e_kg).toBe(724.56);
    expect(out.results[0]?.explanation).toContain('aib-erm-2024/residual-mix/DE');
  });

  // UK DESNZ 2025: long-haul economy with radiative forcing 0.11704 kg CO2e per passenger.km.
  it('uses DESNZ 2025 air travel factors, distance-based', () => {
    const out = one({ scope: 3, category: 6, quantity: 10_000, unit: 'pkm', factor: 'desnz-2025/21_316_3170_11/pkm' });
    expect(out.results[0]?.co2e_kg).toBe(1170.4);
    expect(out.results[0]?.method).toBe('distance-based');
    expect(out.totals.scope3_by_category_kg).toEqual({ '6': 1170.4 });
  });

  it('refuses bad input with the activity id and field, and returns nothing', () => {
    const bad = { activities: [{ id: 'ok', scope: 1, quantity: 1, unit: 'gal', factor: 'epa-hub-2024/t2/diesel-fuel/gal' },
      { id: 'p9', scope: 3, category: 1, quantity: 5, unit: 'EUR', factor: 'epa-useeio-1.2/naics/334111' }] };
    expect(() => calculate(bad, library)).toThrow(AppError);
    expect(() => calculate(bad, library)).toThrow('activity "p9", field "unit": EUR (money) does not convert to USD (money)');
    expect(() => one({ scope: 3, category: 1, quantity: 5, unit: 'USD', price_year: 2024, factor: 'epa-useeio-1.2/naics/334111' }))
      .toThrow(/field "price_year": spend is in 2024 USD but factor .* is per 2021 USD/);
    expect(() => one({ scope: 1, quantity: 5, unit: 'L', factor: 'nope' })).toThrow('activity "x", field "factor": unknown factor id "nope"');
    expect(() => one({ scope: 2, quantity: 5, unit: 'MWh', activity: 'electricity.grid', region: 'Germany' }))
      .toThrow(/activity "x", field "region": "Germany" is not a region code/);
  });
});
