import { describe, expect, it } from 'vitest';
import { bridgeSteps } from './bridge.js';

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
