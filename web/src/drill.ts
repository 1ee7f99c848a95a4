/** Links into the Records page with filters: the one place dashboard drill-downs are built. */
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
