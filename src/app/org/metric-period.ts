/**
 * @module org/metric-period
 * The period of an organisation metric: a reporting year (`2024`, `FY2022`, read with the
 * organisation's year start) or explicit dates, the end exclusive like every period in the ledger.
 */
import { z } from 'zod';
import { parseReportingYear, reportingYearLabel, reportingYearOf, reportingYearRange, type DateRange } from '../../core/index.js';
import { isoDate, metricName, metricValue, unitText } from './org-input.js';

export const metricFields = {
  metric: metricName,
  year: z.union([z.number().int(), z.string()], { error: 'must be a reporting year like 2024 or FY2024' }).optional(),
  period_start: isoDate.optional(),
  period_end: isoDate.optional(),
  value: metricValue,
  unit: unitText,
};

interface MetricPeriodFields {
  readonly year?: number | string | undefined;
  readonly period_start?: string | undefined;
  readonly period_end?: string | undefined;
}

function yearOf(label: number | string): number | null {
  const y = parseReportingYear(String(label));
  return y !== null && y >= 1900 && y <= 2200 ? y : null;
}

/** Exactly one of `year` or the pair `period_start`/`period_end`, in order. */
export function checkMetricPeriod(m: MetricPeriodFields, ctx: z.RefinementCtx): void {
  const issue = (field: string, message: string): void => ctx.addIssue({ code: 'custom', path: [field], message });
  const hasDates = m.period_start !== undefined || m.period_end !== undefined;
  if (m.year !== undefined) {
    if (hasDates) issue('year', 'give either year or period_start and period_end, not both');
    else if (yearOf(m.year) === null) issue('year', `"${m.year}" is not a reporting year like 2024 or FY2024`);
    return;
  }
  if (!hasDates) issue('year', 'is required (or give period_start and period_end)');
  else if (m.period_start === undefined) issue('period_start', 'is required with period_end');
  else if (m.period_end === undefined) issue('period_end', 'is required with period_start (the end is exclusive)');
  else if (m.period_end <= m.period_start) issue('period_end', 'must be after period_start (the end is exclusive)');
}

/** Dates of a checked metric period; `year` is read with the organisation's year start. */
export function metricPeriod(m: MetricPeriodFields, yearStartMonth: number): DateRange {
  if (m.year !== undefined) return reportingYearRange(yearOf(m.year) as number, yearStartMonth);
  return { start: m.period_start as string, end: m.period_end as string };
}

/** `FY2022` when the period is exactly one reporting year, else null. */
export function metricYearLabel(period: DateRange, yearStartMonth: number): string | null {
  const year = reportingYearOf(period.start, yearStartMonth);
  const range = reportingYearRange(year, yearStartMonth);
  return range.start === period.start && range.end === period.end ? reportingYearLabel(year, yearStartMonth) : null;
}
