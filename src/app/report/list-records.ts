/**
 * @module report/list-records
 * Use cases behind the records table and the year picker: activity records with their results in
 * the latest calculation version, filtered the way a dashboard figure was summed (reporting year
 * or month of period_start, scope, category, entity, site, business unit), paged by record id
 * (keyset: a page costs the same at record 10 and at record 10,000,000).
 */
import { parseReportingYear, reportingYearLabel, reportingYearOf, reportingYearRange } from '../../core/index.js';
import { AppError } from '../app-error.js';
import type { Organisation } from '../ledger/model.js';
import type { RecordFilter, RecordRow, ReportStores } from './report-store.js';

export interface RecordQuery {
  readonly year?: string;
  readonly month?: string;
  readonly scope?: number;
  readonly category?: number;
  readonly entity?: string;
  readonly site?: string;
  readonly business_unit?: string;
  readonly after?: number;
  readonly limit: number;
}

export interface RecordPage {
  readonly records: readonly RecordRow[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly next_after: number | null;
}

export async function listRecords(stores: ReportStores, org: Organisation, q: RecordQuery): Promise<RecordPage> {
  const version = await stores.calc.latestVersion(org.orgId);
  const filter: RecordFilter = { ...dateRange(org, q), scope: q.scope, category: q.category, entity: q.entity, site: q.site, businessUnit: q.business_unit };
  const rows = await stores.report.records(org.orgId, version?.versionId ?? null, filter, q.after ?? 0, q.limit + 1);
  // Only an empty page can come from a name the organisation lacks: the names are read then, not on every page.
  if (rows.length === 0) await requireNames(stores, org, q);
  const page = rows.slice(0, q.limit);
  return { records: page, next_after: rows.length > q.limit ? (page[page.length - 1]?.record_id ?? null) : null };
}

/** A filter naming an entity, site or business unit the organisation does not have is refused, not answered with no records. */
async function requireNames(stores: ReportStores, org: Organisation, q: RecordQuery): Promise<void> {
  const check = async (field: string, name: string | undefined, list: () => Promise<readonly { name: string }[]>): Promise<void> => {
    if (name === undefined) return;
    const names = (await list()).map((x) => x.name);
    if (names.includes(name)) return;
    const known = names.length === 0 ? 'none yet' : `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
    throw AppError.invalidField(field, `${org.slug} has no ${field.replace('_', ' ')} "${name}" (known: ${known})`);
  };
  await check('entity', q.entity, () => stores.org.listEntities(org.orgId));
  await check('site', q.site, () => stores.org.listSites(org.orgId));
  await check('business_unit', q.business_unit, () => stores.org.listUnits(org.orgId));
}

function dateRange(org: Organisation, q: RecordQuery): { start?: string; end?: string } {
  let start: string | undefined;
  let end: string | undefined;
  if (q.year !== undefined) {
    const y = parseReportingYear(q.year);
    if (y === null) throw AppError.invalidField('year', `"${q.year}" is not a reporting year (e.g. 2024 or FY2022)`);
    ({ start, end } = reportingYearRange(y, org.yearStartMonth));
  }
  if (q.month !== undefined) {
    const [y, m] = q.month.split('-').map(Number) as [number, number];
    const mStart = `${q.month}-01`;
    const mEnd = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    start = start === undefined || mStart > start ? mStart : start;
    end = end === undefined || mEnd < end ? mEnd : end;
  }
  return { start, end };
}

/** Reporting years with results in the latest version, newest first. */
export async function reportingYears(stores: ReportStores, org: Organisation): Promise<string[]> {
  const version = await stores.calc.latestVersion(org.orgId);
  if (version === null) return [];
  const years = new Set((await stores.report.months(org.orgId, version.versionId)).map((m) => reportingYearOf(m, org.yearStartMonth)));
  return [...years].sort((a, b) => b - a).map((y) => reportingYearLabel(y, org.yearStartMonth));
}
