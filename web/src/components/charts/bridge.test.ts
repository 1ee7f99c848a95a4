import { describe, expect, it } from 'vitest';
import { bridgeAxisMin, bridgeSteps } from './bridge.js';

const totals = (s1: number, s2: number, cats: Record<string, number>) => {
  const s3 = Object.values(cats).reduce((a, b) => a + b, 0);
  return { scope1_kg: s1, scope2_market_kg: s2, scope3_by_category_kg: cats, scope3_kg: s3, total_market_kg: s1 + s2 + s3 };
};

describe('bridgeSteps', () => {
  it('walks from the previous total to the current one through each change', () => {
    const steps = bridgeSteps(totals(100, 50, { '1': 10, '6': 5 }), totals(80, 60, { '1': 20, '7': 3 }), 'FY2022');
    expect(steps.map((s) => s.kind)).toEqual(['previous', 'scope1', 'scope2', 'category', 'category', 'category', 'current']);
    expect(steps[0]?.end).toBe(163);
    expect(steps[1]).toMatchObject({ start: 163, end: 183, value: 20, filter: { year: 'FY2022', scope: 1 } });
    expect(steps.map((s) => s.category).filter((c) => c !== undefined)).toEqual([1, 6, 7]);
    const last = steps[steps.length - 2];
    expect(last?.end).toBe(165);
    expect(steps[steps.length - 1]?.value).toBe(165);
  });
});

describe('bridgeAxisMin', () => {
  it('starts the axis at 85 % of the lowest running total, rounded down to two significant digits', () => {
    // running totals 163 t → 183 t → … → 165 t; 85 % of 163 t = 138.55 t → 130 t
    const steps = bridgeSteps(totals(100_000, 50_000, { '1': 10_000, '6': 5_000 }), totals(80_000, 60_000, { '1': 20_000, '7': 3_000 }), '2024');
    expect(bridgeAxisMin(steps)).toBe(130);
  });

  it('looks at the lower edge of every change, not only at the two totals', () => {
    const steps = bridgeSteps(totals(1_000, 0, { '1': 9_000 }), totals(10_000, 0, {}), '2024');
    // previous 10 t, Δ Scope 1 down to 1 t, Δ category 1 back up to 10 t
    expect(bridgeAxisMin(steps)).toBeCloseTo(0.85, 10);
  });

  it('is 0 when a total is zero', () => {
    expect(bridgeAxisMin(bridgeSteps(totals(0, 0, {}), totals(5_000, 0, {}), '2024'))).toBe(0);
  });
});
