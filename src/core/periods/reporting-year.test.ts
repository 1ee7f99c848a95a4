import { describe, expect, it } from 'vitest';
import { parseReportingYear, reportingYearLabel, reportingYearOf, reportingYearRange } from './reporting-year.js';

describe('reporting years', () => {
  it('names a July–June fiscal year after the year it ends in', () => {
    expect(reportingYearOf('2021-06-30', 7)).toBe(2021);
    expect(reportingYearOf('2021-07-01', 7)).toBe(2022);
    expect(reportingYearOf('2022-06-30', 7)).toBe(2022);
    expect(reportingYearRange(2022, 7)).toEqual({ start: '2021-07-01', end: '2022-07-01' });
    expect(reportingYearLabel(2022, 7)).toBe('FY2022');
  });

  it('handles calendar years', () => {
    expect(reportingYearOf('2024-12-31', 1)).toBe(2024);
    expect(reportingYearRange(2024, 1)).toEqual({ start: '2024-01-01', end: '2025-01-01' });
    expect(reportingYearLabel(2024, 1)).toBe('2024');
  });

  it('reads year labels', () => {
    expect(parseReportingYear('FY2022')).toBe(2022);
    expect(parseReportingYear('fy22')).toBe(2022);
    expect(parseReportingYear('2024')).toBe(2024);
    expect(parseReportingYear('last year')).toBeNull();
  });
});
