import { describe, expect, it } from 'vitest';
import { loadLibrary } from './load-library.js';

const LB = 0.45359237;

describe('eGRID2022 (EPA Hub 2024 Table 6)', () => {
  const lib = loadLibrary();

  it('US average 823.149 lb CO2/MWh → 373.374 kg/MWh', () => {
    // EPA Hub 2024 Table 6, US Average total output: 823.149 lb CO2, 0.066 lb CH4, 0.009 lb N2O per MWh.
    const us = lib.index.get('epa-hub-2024/t6/us-average/total-output');
    expect(us).toMatchObject({ activity: 'electricity.grid', region: 'US', year: 2022, unit: 'MWh' });
    expect(us?.gases?.CO2).toBeCloseTo(823.149 * LB, 9);
    expect(us?.gases?.CO2).toBeCloseTo(373.374, 3);
    expect(us?.gases?.CH4).toBeCloseTo(0.066 * LB, 12);
    expect(us?.publishedAs).toBe('CO2 823.149 lb/MWh, CH4 0.066 lb/MWh, N2O 0.009 lb/MWh');
  });

  it('selects RFCE 2022 for a 2024 activity, saying so', () => {
    // Table 6, RFCE (RFC East): 657.386 lb CO2/MWh total output.
    const { factor, fallbacks } = lib.index.select({ activity: 'electricity.grid', region: 'US-RFCE', year: 2024 });
    expect(factor.id).toBe('epa-hub-2024/t6/rfce/total-output');
    expect(factor.gases?.CO2).toBeCloseTo(657.386 * LB, 9);
    expect(fallbacks).toEqual([{ kind: 'notAfter', region: 'US-RFCE', year: 2024, used: 2022 }]);
  });

  it('non-baseload rates have their own activity', () => {
    // Table 6, RFCE non-baseload: 1278.704 lb CO2/MWh.
    const { factor } = lib.index.select({ activity: 'electricity.grid.non-baseload', region: 'US-RFCE', year: 2022 });
    expect(factor.gases?.CO2).toBeCloseTo(1278.704 * LB, 9);
  });
});
