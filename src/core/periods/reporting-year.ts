/**
 * @module periods/reporting-year
 * Calendar or fiscal reporting years. A year starting in month `startMonth` (1 = January) is named
 * after the calendar year it ends in: with startMonth 7, FY2022 runs 2021-07-01 … 2022-06-30.
 * Dates are ISO strings (YYYY-MM-DD); ranges are half-open [start, end).
 *
 * @example
 * reportingYearOf('2021-08-15', 7)   // 2022
 * reportingYearRange(2022, 7)        // { start: '2021-07-01', end: '2022-07-01' }
 * reportingYearLabel(2022, 7)        // 'FY2022'
 */

export interface DateRange {
  readonly start: string;
  readonly end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The reporting year a date (YYYY-MM-DD or YYYY-MM) falls in. */
export function reportingYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

export function reportingYearRange(year: number, startMonth: number): DateRange {
  if (startMonth === 1) return { start: `${year}-01-01`, end: `${year + 1}-01-01` };
  return { start: `${year - 1}-${pad(startMonth)}-01`, end: `${year}-${pad(startMonth)}-01` };
}

/** `2022` for calendar years, `FY2022` for fiscal years. */
export function reportingYearLabel(year: number, startMonth: number): string {
  return startMonth === 1 ? String(year) : `FY${year}`;
}

/** Reads `2022`, `FY2022` or `FY22`; null when it is not a year label. */
export function parseReportingYear(label: string): number | null {
  const m = /^(?:FY)?(\d{4}|\d{2})$/i.exec(label.trim());
  if (m === null) return null;
  const digits = m[1] as string;
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** First day of the month of a date, as YYYY-MM-01. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
