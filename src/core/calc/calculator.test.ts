import { describe, expect, it } from 'vitest';
import { FactorIndex } from '../factors/factor-index.js';
import { parseUnit } from '../units/units.js';
import { Calculator } from './calculator.js';
import { explain } from './explain.js';
import { lineGasesKg, type Activity, type Instrument } from './model.js';
import { AR4, AR5, AR6, REAL_FACTORS } from '../../test-support/real-factors.js';

const library = new FactorIndex(REAL_FACTORS);
const LB = 0.45359237;

type ActivitySketch = Partial<Omit<Activity, 'unit'>> & Pick<Activity, 'id' | 'scope' | 'quantity'> & { unit: string };

function activity(partial: ActivitySketch): Activity {
  return {
    category: null, method: null, priceYear: null, factorId: null, activity: null, region: null, year: null,
    market: null, carrier: null, supplier: null, ...partial, unit: parseUnit(partial.unit),
  };
}

function run(activities: Activity[], instruments: Instrument[] = [], gwp = AR5) {
  const calc = new Calculator({ input: new FactorIndex([]), library, gwp, instruments, residualMixes: [] });
  const lines = activities.map((a) => calc.add(a));
  return { lines, ...calc.finish(), calc };
}

describe('Calculator — Scope 1', () => {
  // EPA Hub 2024 table 1 natural gas per mmBtu: CO2 53.06 kg, CH4 1 g, N2O 0.1 g; GWP AR5 28 / 265.
  it('weights per-gas factors with the chosen GWP set', () => {
    const gas = activity({ id: 'ng', scope: 1, quantity: 1000, unit: 'mmBtu', factorId: 'epa-hub-2024/t1/natural-gas/mmBtu' });
    expect(run([gas]).lines[0]?.co2eKg).toBeCloseTo(53_114.5, 6); // 1000 × (53.06 + 0.028 + 0.0265)
    expect(run([gas], [], AR4).lines[0]?.co2eKg).toBeCloseTo(53_114.8, 6); // AR4: CH4 25, N2O 298
    expect(run([gas], [], AR6).lines[0]?.co2eKg).toBeCloseTo(53_115.2, 6); // AR6: CH4 27.9, N2O 273
    expect(lineGasesKg(run([gas]).lines[0]!)).toEqual({ CO2: 53_060, CH4: 1, N2O: 0.1 });
  });

  // EPA Hub 2024 table 2: diesel 10.21 kg CO2/gal; 800 L = 211.3376 US gal.
  it('converts the activity unit to the factor unit', () => {
    const { lines } = run([activity({ id: 'd', scope: 1, quantity: 800, unit: 'L', factorId: 'epa-hub-2024/t2/diesel-fuel/gal' })]);
    expect(lines[0]?.conversion).toBeCloseTo(1 / 3.785411784, 12);
    expect(lines[0]?.co2eKg).toBeCloseTo((800 / 3.785411784) * 10.21, 9);
    expect(lines[0]?.co2eKg).toBeCloseTo(2157.7571, 3);
  });

  it('refuses a unit that does not convert, naming the activity and both units', () => {
    const bad = activity({ id: 'x1', scope: 1, quantity: 5, unit: 'kWh', factorId: 'epa-hub-2024/t2/diesel-fuel/gal' });
    expect(() => run([bad])).toThrow('activity "x1", field "unit": kWh (energy) does not convert to gal (volume)');
  });

  // EPA Hub 2024 table 1 wood: 93.8 kg CO2 per mmBtu is biogenic; CH4 7.2 g and N2O 3.6 g count in Scope 1.
  it('reports biogenic CO2 apart from the scopes', () => {
    const { lines, totals } = run([activity({ id: 'w', scope: 1, quantity: 100, unit: 'mmBtu', factorId: 'epa-hub-2024/t1/wood-and-wood-residuals/mmBtu' })]);
    expect(lines[0]?.biogenicCo2Kg).toBeCloseTo(9380, 9);
    expect(totals.scope1_kg).toBe(115.56); // 100 × (0.0072 × 28 + 0.0036 × 265) = 20.16 + 95.4
    expect(totals.biogenic_co2_kg).toBe(9380);
  });
});

describe('Calculator — factor selection', () => {
  it('selects by activity, region and year, stating each fallback', () => {
    const { lines } = run([activity({ id: 'v', scope: 2, quantity: 100, unit: 'MWh', activity: 'electricity.grid', region: 'VN', year: 2024 })]);
    expect(lines[0]?.factor.id).toBe('vn-dcc/2023'); // DCC/MONRE 2023: 0.6592 t CO2e/MWh
    expect(lines[0]?.co2eKg).toBeCloseTo(65_920, 6);
    expect(lines[0]?.fallbacks).toEqual([{ kind: 'notAfter', region: 'VN', year: 2024, used: 2023 }]);
  });

  it('walks up the region hierarchy', () => {
    const { lines } = run([activity({ id: 's', scope: 2, quantity: 1, unit: 'MWh', activity: 'electricity.grid', region: 'US-SRSO', year: 2022 })]);
    expect(lines[0]?.factor.id).toBe('epa-hub-2024/egrid2022/US');
    expect(lines[0]?.fallbacks[0]).toEqual({ kind: 'region', activity: 'electricity.grid', region: 'US-SRSO', used: 'US' });
  });

  // Viet Nam's grid factors in the test library: DCC/MONRE 2022 and 2023.
  it('takes the latest year published when the activity has no period, and says which', () => {
    const { lines, calc } = run([activity({ id: 'n', scope: 2, quantity: 1, unit: 'MWh', activity: 'electricity.grid', region: 'VN', year: null })]);
    expect(lines[0]?.factor.id).toBe('vn-dcc/2023');
    expect(lines[0]?.fallbacks).toEqual([{ kind: 'latest', region: 'VN', used: 2023 }]);
    expect(explain(lines[0]!, calc.gwp)).toContain('selection: no period given; used the latest published for VN (2023)');
  });

  it('takes the earliest year published for a year before any, and says so', () => {
    const { lines, calc } = run([activity({ id: 'e', scope: 2, quantity: 1, unit: 'MWh', activity: 'electricity.grid', region: 'VN', year: 2015 })]);
    expect(lines[0]?.factor.id).toBe('vn-dcc/2022');
    expect(lines[0]?.fallbacks).toEqual([{ kind: 'earliest', region: 'VN', year: 2015, used: 2022 }]);
    expect(explain(lines[0]!, calc.gwp)).toContain('selection: no value for VN in 2015 or earlier; used 2022, the earliest published');
  });

  it('needs a region: there is no default', () => {
    expect(() => run([activity({ id: 'r', scope: 2, quantity: 1, unit: 'MWh', activity: 'electricity.grid' })])).toThrow(/field "region"/);
  });
});

describe('Calculator — Scope 2 market-based', () => {
  // eGRID2022 RFCE, AR5: (657.386 + 0.045 × 28 + 0.006 × 265) lb/MWh = 660.236 lb = 299.4796 kg/MWh.
  const rfceKgPerMwh = 660.236 * LB;
  const cert = (id: string, mwh: number, extra: Partial<Instrument> = {}): Instrument => ({
    id, kind: 'certificate', market: 'US', mwh, kgCo2ePerMwh: 0, vintage: 2024, supplier: null, retired: true, serial: null, ...extra,
  });
  const use = (id: string, mwh: number, year = 2024): Activity =>
    activity({ id, scope: 2, quantity: mwh * 1000, unit: 'kWh', factorId: 'epa-hub-2024/egrid2022/RFCE', market: 'US-RFCE', year });

  it('applies certificates first, then the residual mix, never beyond what an instrument holds', () => {
    const { lines, instruments, totals } = run([use('e1', 20), use('e2', 20)], [cert('rec1', 30)]);
    expect(lines[0]?.co2eKg).toBeCloseTo(20 * rfceKgPerMwh, 9);
    expect(lines[0]?.marketCo2eKg).toBe(0);
    // Second line: 10 MWh left on rec1, 10 MWh at Green-e RFCE residual mix 599.24 lb/MWh.
    expect(lines[1]?.marketParts.map((p) => [p.step, p.mwh])).toEqual([['certificate', 10], ['residual_mix', 10]]);
    expect(lines[1]?.marketCo2eKg).toBeCloseTo(10 * 599.24 * LB, 9);
    expect(instruments).toEqual([{ id: 'rec1', appliedMwh: 30, remainingMwh: 0, excluded: null }]);
    expect(totals.scope2_market_kg).toBe(2718.107); // 10 MWh × 599.24 lb × 0.45359237 = 2718.1069 kg
  });

  it('excludes instruments that fail a criterion and says which', () => {
    const { instruments } = run([use('e1', 5)], [
      cert('eu', 10, { market: 'DE' }),
      cert('old', 10, { vintage: 2021 }),
      cert('unretired', 10, { retired: false }),
      cert('a', 1, { serial: 'REC-1-100' }),
      cert('b', 1, { serial: 'REC-1-100' }),
    ]);
    const byId = Object.fromEntries(instruments.map((i) => [i.id, i.excluded?.criterion ?? null]));
    expect(byId).toEqual({ eu: 'market', old: 'vintage', unretired: 'retired', a: null, b: 'unique_claim' });
    // Each with the values the web app words it from, and the same in English.
    const excluded = Object.fromEntries(instruments.map((i) => [i.id, i.excluded]));
    expect(excluded.eu).toEqual({ criterion: 'market', market: 'DE', reason: 'no electricity consumption in market DE' });
    expect(excluded.old).toEqual({ criterion: 'vintage', market: 'US', vintage: 2021, reason: 'no electricity consumption in US in vintage year 2021' });
    expect(excluded.unretired).toEqual({ criterion: 'retired', reason: 'unretired is not retired or cancelled in a tracking system' });
    expect(excluded.b).toEqual({ criterion: 'unique_claim', claim: 'serial', value: 'REC-1-100', by: 'a', reason: 'b repeats serial REC-1-100, already claimed by a' });
  });

  it('uses the location-based grid average when no residual mix exists, and says so', () => {
    const { lines } = run([activity({ id: 'v', scope: 2, quantity: 10, unit: 'MWh', factorId: 'vn-dcc/2023', market: 'VN', year: 2023 })]);
    expect(lines[0]?.marketCo2eKg).toBeCloseTo(6592, 9);
    expect(lines[0]?.marketParts[0]?.step).toBe('grid_average');
  });

  it('explains the market-based figure part by part', () => {
    const { lines, calc } = run([use('e1', 40)], [cert('rec1', 30)]);
    const text = explain(lines[0]!, calc.gwp);
    expect(text).toContain('30 MWh × 0 kg/MWh (certificate: rec1)');
    expect(text).toContain('10 MWh × 271.810692 kg/MWh (residual mix: residual mix US-RFCE 2023');
    expect(text).toContain('40000 kWh × 0.001 MWh/kWh = 40 MWh');
  });
});

describe('Calculator — Scope 2 without market-based parts', () => {
  // DCC/MONRE 2023: 659.2 kg CO2e/MWh; 10 MWh = 6,592 kg on both bases when nothing market-based can apply.
  const line = (extra: Partial<ActivitySketch>) =>
    run([activity({ id: 'v', scope: 2, quantity: 10, unit: 'MWh', factorId: 'vn-dcc/2023', market: 'VN', year: 2023, ...extra })]);

  it.each([
    [{ carrier: 'steam' as const }, { kind: 'notElectricity', carrier: 'steam' }, 'steam: instruments apply to electricity only; market-based = location-based'],
    [{ market: null }, { kind: 'noMarket' }, 'no market stated: no instrument or residual mix can apply; market-based = location-based'],
    [{ year: null }, { kind: 'noPeriod' }, 'no period stated: no vintage can match; market-based = location-based'],
  ])('%o: says why, as data and in the explanation', (extra, note, text) => {
    const { lines, calc } = line(extra);
    expect(lines[0]?.marketNote).toEqual(note);
    expect(lines[0]?.co2eKg).toBeCloseTo(6592, 9);
    expect(lines[0]?.marketCo2eKg).toBeCloseTo(6592, 9);
    expect(explain(lines[0]!, calc.gwp)).toContain(`market-based 6592 kg CO2e: ${text}`);
  });
});
