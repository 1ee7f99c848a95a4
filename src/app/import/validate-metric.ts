/**
 * @module import/validate-metric
 * One mapped metric row (revenue, employees, floor area… for intensities) → an org metric. A metric
 * and period start may appear once per file: a second value would silently replace the first.
 */
import type { z } from 'zod';
import { metricName, metricValue, unitText } from '../org/org-input.js';
import type { RowReader } from './cells.js';
import type { MetricRecordInput } from './import-store.js';

/** A cell checked by the organisation model's own rule, so an import refuses what `org metric` refuses. */
function checked<T>(r: RowReader, field: string, value: T | null, rule: z.ZodType<T>): T | null {
  if (value === null) return null;
  const result = rule.safeParse(value);
  if (result.success) return result.data;
  r.failText(field, result.error.issues[0]?.message ?? 'is not valid');
  return null;
}

export function metricValidator(): (r: RowReader, row: number) => MetricRecordInput | null {
  const seen = new Map<string, number>();
  return (r, row) => {
    const metric = checked(r, 'metric', r.text('metric', true), metricName);
    const period = r.period();
    const value = checked(r, 'value', r.number('value', true), metricValue);
    const unit = checked(r, 'unit', r.text('unit', true), unitText);
    if (metric !== null && period !== null) {
      const key = `${metric}\u0000${period.start}`;
      const first = seen.get(key);
      if (first !== undefined) r.fail('period_start', 'metricRepeated', { metric, start: period.start, row: first });
      else seen.set(key, row);
    }
    if (r.errors.length > 0 || metric === null || period === null) return null;
    return { rowNumber: row, metric, periodStart: period.start, periodEnd: period.end, value: value as number, unit: unit as string };
  };
}
