/**
 * @module org/set-metric
 * `org metric`: revenue, employees or another organisation metric for a reporting year or a
 * period, the denominator of intensity figures. Setting it again for the same start replaces it.
 */
import { z } from 'zod';
import type { Organisation, OrgMetric } from '../ledger/model.js';
import { checkMetricPeriod, metricFields, metricPeriod, metricYearLabel } from './metric-period.js';
import { parseInput, requireOrg } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const setMetricInput = z.object(metricFields).superRefine(checkMetricPeriod);

export type SetMetricInput = z.input<typeof setMetricInput>;

export interface SetMetricResult {
  readonly org: Organisation;
  readonly metric: OrgMetric;
  /** `FY2022` / `2024` when the period is one reporting year. */
  readonly year: string | null;
}

export async function setMetric(store: OrgStore, orgSlug: string, input: SetMetricInput): Promise<SetMetricResult> {
  const m = parseInput(setMetricInput, input);
  const org = await requireOrg(store, orgSlug);
  const period = metricPeriod(m, org.yearStartMonth);
  const metric: OrgMetric = { metric: m.metric, periodStart: period.start, periodEnd: period.end, value: m.value, unit: m.unit };
  await store.setMetric(org.orgId, metric);
  return { org, metric, year: metricYearLabel(period, org.yearStartMonth) };
}
