/**
 * @module import/validate-metric
 * One mapped metric row (revenue, employees, floor area… for intensities) → an org metric. A metric
 * and period start may appear once per file: a second value would silently replace the first.
 */
import type { RowReader } from './cells.js';
import type { MetricRecordInput } from './import-store.js';

export function metricValidator(): (r: RowReader, row: number) => MetricRecordInput | null {
  const seen = new Map<string, number>();
  return (r, row) => {
    const metric = r.text('metric', true);
    const period = r.period();
    const value = r.number('value', true);
    const unit = r.text('unit', true);
    if (metric !== null && period !== null) {
      const key = `${metric}\u0000${period.start}`;
      const first = seen.get(key);
      if (first !== undefined) r.fail('period_start', `${metric} from ${period.start} is already given in row ${first}`);
      else seen.set(key, row);
    }
    if (r.errors.length > 0 || metric === null || period === null) return null;
    return { rowNumber: row, metric, periodStart: period.start, periodEnd: period.end, value: value as number, unit: unit as string };
  };
}
