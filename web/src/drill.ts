/** Links into the Records page with filters, and to the report of a year: the one place drill-downs are built. */
export interface RecordFilters {
  year?: string | undefined;
  month?: string | undefined;
  scope?: number | undefined;
  category?: number | undefined;
  entity?: string | undefined;
  site?: string | undefined;
  business_unit?: string | undefined;
}

export const FILTER_KEYS = ['year', 'month', 'scope', 'category', 'entity', 'site', 'business_unit'] as const;

export function recordsLink(org: string, filters: RecordFilters): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return `/orgs/${encodeURIComponent(org)}/records${s === '' ? '' : `?${s}`}`;
}

/** The report page of a year, with the figures as published from `version` (the latest version's, under today's terms, without one). */
export function reportLink(org: string, year: string, version?: number): string {
  const q = new URLSearchParams({ year, ...(version === undefined ? {} : { version: String(version) }) });
  return `/orgs/${encodeURIComponent(org)}/report?${q.toString()}`;
}
