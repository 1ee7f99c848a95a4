import { describe, expect, it } from 'vitest';
import { readCsv, cell } from './csv.js';
import { mappedAlpha3Codes } from './iso-alpha3.js';
import { defaultDataDir, loadLibrary } from './load-library.js';
import { loadOwidEmber } from './owid-ember.js';

const dataDir = defaultDataDir();

describe('OWID / Ember carbon intensity of electricity', () => {
  const owid = loadOwidEmber(dataDir);
  const byId = new Map(owid.factors.map((f) => [f.id, f]));

  it('China 2024: 559.6 g CO2e/kWh → kg CO2e/MWh (the same number)', () => {
    // OWID grapher carbon-intensity-electricity, China 2024: 559.6 as the chart shows it (data README
    // spot value); the shipped file keeps 2 decimals: 559.55.
    const china = byId.get('owid-ember-2025/grid-intensity/CN/2024');
    expect(Math.round((china?.co2e ?? 0) * 10) / 10).toBe(559.6);
    expect(china).toMatchObject({
      activity: 'electricity.grid-intensity',
      region: 'CN',
      year: 2024,
      unit: 'MWh',
      co2e: 559.55,
      publishedAs: '559.55 g CO2e/kWh',
    });
  });

  it('World is kept as WORLD; other aggregates are skipped', () => {
    // Spot values (1 decimal): World 2024 473.0, United Kingdom 2024 210.9; in the file 473.01, 210.89.
    expect(byId.get('owid-ember-2025/grid-intensity/WORLD/2024')?.co2e).toBe(473.01);
    expect(byId.get('owid-ember-2025/grid-intensity/GB/2024')?.co2e).toBe(210.89);
    expect(owid.factors.some((f) => f.name.startsWith('Asia'))).toBe(false);
  });

  it('every ISO code of the file has a region code', () => {
    const mapped = new Set(mappedAlpha3Codes());
    const codes = readCsv(dataDir, 'grid_carbon_intensity_owid_ember.csv', ['iso_code']).map((r) => cell(r, 'iso_code'));
    expect(codes.filter((c) => c !== '' && !mapped.has(c))).toEqual([]);
    expect(Object.keys(owid.skipped)).toEqual(['OWID: aggregate region (continent, income group, Ember region)']);
  });

  it('a 2030 query for Viet Nam falls to the latest year published', () => {
    const lib = loadLibrary();
    const latest = Math.max(...owid.factors.filter((f) => f.region === 'VN').map((f) => f.year ?? 0));
    const { factor, fallbacks } = lib.index.select({ activity: 'electricity.grid-intensity', region: 'VN', year: 2030 });
    expect(factor.year).toBe(latest);
    expect(fallbacks).toEqual([{ kind: 'notAfter', region: 'VN', year: 2030, used: latest }]);
  });
});
