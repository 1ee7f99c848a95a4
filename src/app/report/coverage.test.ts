import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../core/index.js';
import { coverageOf } from './report-inventory.js';

const row = (month: string): InventoryRow => ({
  month, entity: 'E', site: 'S', unit: null, scope: 1, category: null, method: null, share: 1, co2eKg: 1, marketCo2eKg: 1, biogenicCo2Kg: 0, gasesKg: [],
});
const months = (year: number, ...ms: number[]): InventoryRow[] => ms.map((m) => row(`${year}-${String(m).padStart(2, '0')}-01`));
const all = (year: number): InventoryRow[] => months(year, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

describe('coverage of a reporting year beside the one before', () => {
  it('finds a year still being filled beside a whole one unlike it', () => {
    expect(coverageOf(months(2025, 1, 2), all(2024))).toEqual({ months: 2, previous_months: 12, same_months: false });
    expect(coverageOf([], all(2024))).toEqual({ months: 0, previous_months: 12, same_months: false });
  });

  it('takes quarterly or yearly entries in both years, and whole years, for like periods', () => {
    expect(coverageOf(months(2025, 1, 4, 7, 10), months(2024, 1, 4, 7, 10))).toEqual({ months: 4, previous_months: 4, same_months: true });
    expect(coverageOf(months(2025, 1), months(2024, 1))).toEqual({ months: 1, previous_months: 1, same_months: true });
    expect(coverageOf([...all(2025), ...all(2025)], all(2024))).toEqual({ months: 12, previous_months: 12, same_months: true });
  });

  it('compares nothing without a previous year', () => {
    expect(coverageOf(months(2025, 3), [])).toEqual({ months: 1, previous_months: null, same_months: null });
  });
});
