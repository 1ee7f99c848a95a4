import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadLibrary } from './load-library.js';
import { loadResidualMixes } from './residual-mix.js';

describe('residual mixes', () => {
  const mixes = loadResidualMixes(defaultDataDir());
  const byId = new Map(mixes.factors.map((f) => [f.id, f]));

  it('AIB DE 2024: 724.56 g CO2/kWh', () => {
    // AIB European Residual Mixes 2024 v1.1 (secondary): Germany 724.56 g CO2/kWh.
    expect(byId.get('aib-erm-2024/residual-mix/DE')).toMatchObject({
      activity: 'electricity.residual-mix',
      region: 'DE',
      year: 2024,
      unit: 'MWh',
      gases: { CO2: 724.56 },
    });
  });

  it('Green-e CAMX: 434.22 lb/MWh, treated as CO2', () => {
    // Green-e Residual Mix 2025 edition (2023 data), CAMX adjusted system mix 434.22 lb/MWh.
    const camx = byId.get('green-e-rm-2025/residual-mix/US-CAMX');
    expect(camx).toMatchObject({ region: 'US-CAMX', year: 2023 });
    expect(camx?.gases?.CO2).toBeCloseTo(434.22 * 0.45359237, 9);
    expect(camx?.publishedAs).toContain('treated as CO2');
  });

  it('AIB N/A rows are absent, not zero: Austria in every edition', () => {
    // AIB prints N/A for Austria (2023, 2024, 2025) and the Netherlands (2024, 2025).
    expect(mixes.factors.some((f) => f.region === 'AT')).toBe(false);
    expect(byId.has('aib-erm-2024/residual-mix/NL')).toBe(false);
    expect(mixes.skipped).toEqual({
      'residual mix: N/A published (no residual mix) — aib-erm-2023': 1,
      'residual mix: N/A published (no residual mix) — aib-erm-2024': 2,
      'residual mix: N/A published (no residual mix) — aib-erm-2025': 2,
    });
    expect(() => loadLibrary().index.select({ activity: 'electricity.residual-mix', region: 'AT', year: 2024 })).toThrow();
  });

  it('Australia NGA 2023: 0.81 kg CO2e/kWh as CO2e', () => {
    // NGA Factors 2023 residual mix factor (secondary): 0.81 kg CO2e/kWh.
    expect(byId.get('au-nga-2023/residual-mix/AU')).toMatchObject({ co2e: 810 });
  });
});
