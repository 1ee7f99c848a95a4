/**
 * @module report/report-inventory
 * Use case: the GHG inventory of an organisation for one reporting year, from its latest
 * calculation version (or an earlier one, to reproduce a published figure), with the previous
 * year beside it. Shape documented in docs/report-format.md.
 *
 * @example
 * const report = await reportInventory(stores, { org: 'jasons-team', year: 'FY2022' });
 * report.totals.total_market_kg; report.previous?.total_market_kg
 */
import {
  buildInventory, changePct, parseReportingYear, scope12Kg, reportingYearLabel, reportingYearOf, reportingYearRange,
  type Inventory, type InventoryRow, type InventoryTotals,
} from '../../core/index.js';
import { AppError } from '../app-error.js';
import type { CalcVersion } from '../ledger/calc-store.js';
import type { Consolidation, OrgMetric } from '../ledger/model.js';
import { termsFor } from '../ledger/version-terms.js';
import { warningText, type ReportNotice } from './report-notices.js';
import { consolidationShare, periodInForce } from '../org/consolidation-share.js';
import type { ReportStores } from './report-store.js';


export interface InventoryReport extends Inventory {
  readonly org: { readonly slug: string; readonly name: string };
  readonly year: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly consolidation: Consolidation;
  readonly calc_version: { readonly id: number; readonly created_at: string; readonly gwp: string; readonly library_hash: string };
  /**
   * Contractual instruments of the version whose vintage year overlaps the reporting year (an
   * instrument covers consumption of its vintage year only): MWh applied over that whole vintage
   * year, left, or the quality criterion failed.
   */
  readonly instruments: CalcVersion['instruments'];
  /**
   * The newest entry of the organisation's audit log when the report was made (docs/audit-log.md):
   * a published report keeps the head outside the database, and `audit verify` must still reach it.
   */
  readonly audit_head: { readonly seq: number; readonly hash: string } | null;
  readonly previous: InventoryTotals | null;
  /**
   * How many months of the year records start in, and of the previous year (null without one);
   * `same_months`: whether they are the same months of the year (null without a previous year).
   * A year still being filled beside a whole one (2 months against 12) compares unlike periods;
   * quarterly or yearly entries in both years (4 against 4) do not.
   */
  readonly coverage: { readonly months: number; readonly previous_months: number | null; readonly same_months: boolean | null };
  readonly change_pct: Readonly<Record<string, number | null>> | null;
  readonly metrics: Readonly<Record<string, { readonly value: number; readonly unit: string }>>;
  readonly intensity: Readonly<Record<string, { readonly value: number; readonly unit: string }>>;
  /** The notices in English, as the CLI prints them. */
  readonly warnings: readonly string[];
  /** The same, as data (report-notices.ts): what exports and the web app word in the reader's language. */
  readonly notices: readonly ReportNotice[];
}

export interface InventoryQuery {
  readonly org: string;
  /** Default: the latest year with results in the version. */
  readonly year?: string;
  /** A calculation version of the organisation; default: the latest. */
  readonly version?: number;
}

export async function reportInventory(stores: ReportStores, q: InventoryQuery): Promise<InventoryReport> {
  const org = await stores.org.findOrg(q.org);
  if (org === null) throw new AppError('not_found', `no organisation "${q.org}"`);
  const version = q.version === undefined ? await stores.calc.latestVersion(org.orgId) : await stores.calc.version(org.orgId, q.version);
  if (version === null) {
    throw new AppError('not_found', q.version === undefined ? `organisation "${q.org}" has no calculation yet: import activity data first`
      : `organisation "${q.org}" has no calculation version ${q.version} (see \`versions --org ${q.org}\`)`);
  }
  const notices: ReportNotice[] = [];
  // The rollups are gross; the share of each entity is applied here, with the terms of ledger/version-terms.ts.
  const terms = termsFor(org, await stores.org.listEntityPeriods(org.orgId), version, q.version !== undefined);
  if (terms.notice !== null) notices.push(terms.notice);
  const rowsOf = async (y: number): Promise<InventoryRow[]> => {
    const { start, end } = reportingYearRange(y, org.yearStartMonth);
    const rows = await stores.report.rollupRows(org.orgId, version.versionId, start, end);
    const missing = new Set<string>();
    const shared = rows.flatMap(({ entityId, ...r }) => {
      // The period in force on the first of the row's month.
      const period = periodInForce(terms.periods, entityId, r.month);
      if (period === null) missing.add(r.entity);
      return period === null ? [] : [{ ...r, share: consolidationShare(terms.approach, period) }];
    });
    for (const entity of missing) notices.push({ code: 'entity_without_period', entity, year: reportingYearLabel(y, org.yearStartMonth) });
    return shared;
  };
  const year = q.year === undefined ? await latestYear(stores, org.orgId, version, org.yearStartMonth) : parseYear(q.year);
  const currentRows = await rowsOf(year);
  if (currentRows.length === 0) {
    notices.push({ code: 'version_without_results', version: version.versionId, year: reportingYearLabel(year, org.yearStartMonth) });
  }
  const current = buildInventory(currentRows);
  const prevRows = await rowsOf(year - 1);
  const previous = prevRows.length === 0 ? null : buildInventory(prevRows).totals;
  const { start, end } = reportingYearRange(year, org.yearStartMonth);
  const allMetrics = await stores.org.listMetrics(org.orgId);
  const metrics = metricsIn(allMetrics, start, end);
  const prevRange = reportingYearRange(year - 1, org.yearStartMonth);
  const prevMetrics = metricsIn(allMetrics, prevRange.start, prevRange.end);
  return {
    org: { slug: org.slug, name: org.name },
    year: reportingYearLabel(year, org.yearStartMonth),
    period: { start, end },
    consolidation: terms.approach,
    calc_version: { id: version.versionId, created_at: version.createdAt, gwp: version.gwp, library_hash: version.libraryHash },
    instruments: await instrumentsOfYear(stores, org.orgId, version, start, end),
    audit_head: await auditHead(stores, org.orgId),
    ...current,
    previous,
    coverage: coverageOf(currentRows, prevRows),
    change_pct: previous === null ? null : changes(previous, current.totals, prevMetrics, metrics),
    metrics,
    intensity: intensity(current.totals, metrics),
    warnings: notices.map(warningText),
    notices,
  };
}

/** The months of the year (01…12) the rows' records start in, in the two years. */
export function coverageOf(current: readonly InventoryRow[], previous: readonly InventoryRow[]): InventoryReport['coverage'] {
  const monthsOf = (rows: readonly InventoryRow[]): Set<string> => new Set(rows.map((r) => r.month.slice(5, 7)));
  const now = monthsOf(current);
  if (previous.length === 0) return { months: now.size, previous_months: null, same_months: null };
  const before = monthsOf(previous);
  return { months: now.size, previous_months: before.size, same_months: now.size === before.size && [...now].every((m) => before.has(m)) };
}

async function auditHead(stores: ReportStores, orgId: number): Promise<InventoryReport['audit_head']> {
  const [newest] = await stores.audit.listEntries(orgId, { limit: 1 });
  return newest === undefined ? null : { seq: newest.seq, hash: newest.hash };
}

async function instrumentsOfYear(stores: ReportStores, orgId: number, v: CalcVersion, start: string, end: string): Promise<CalcVersion['instruments']> {
  if (v.instruments.length === 0) return [];
  const vintage = new Map((await stores.calc.instruments(orgId)).map((i) => [i.id, i.vintage]));
  return v.instruments.filter((i) => {
    const y = vintage.get(i.id);
    return y === undefined || (`${y}-01-01` < end && `${y + 1}-01-01` > start);
  });
}

function parseYear(label: string): number {
  const y = parseReportingYear(label);
  if (y === null) throw AppError.invalidField('year', `"${label}" is not a reporting year (e.g. 2024 or FY2022)`);
  return y;
}

async function latestYear(stores: ReportStores, orgId: number, v: CalcVersion, startMonth: number): Promise<number> {
  const last = await stores.report.lastMonth(orgId, v.versionId);
  if (last === null) throw new AppError('not_found', `calculation version ${v.versionId} has no results`);
  return reportingYearOf(last, startMonth);
}

/** Sum of each metric over the periods inside [start, end). */
function metricsIn(all: readonly OrgMetric[], start: string, end: string): Record<string, { value: number; unit: string }> {
  const out: Record<string, { value: number; unit: string }> = {};
  for (const m of all) {
    if (m.periodStart < start || m.periodEnd > end) continue;
    const cur = out[m.metric];
    out[m.metric] = { value: (cur?.value ?? 0) + m.value, unit: m.unit };
  }
  return out;
}

function changes(before: InventoryTotals, after: InventoryTotals, mBefore: ReturnType<typeof metricsIn>, mAfter: ReturnType<typeof metricsIn>): Record<string, number | null> {
  const out: Record<string, number | null> = {
    scope1_kg: changePct(before.scope1_kg, after.scope1_kg),
    scope2_location_kg: changePct(before.scope2_location_kg, after.scope2_location_kg),
    scope2_market_kg: changePct(before.scope2_market_kg, after.scope2_market_kg),
    scope12_market_kg: changePct(scope12Kg(before, 'market'), scope12Kg(after, 'market')),
    scope12_location_kg: changePct(scope12Kg(before, 'location'), scope12Kg(after, 'location')),
    scope3_kg: changePct(before.scope3_kg, after.scope3_kg),
    total_market_kg: changePct(before.total_market_kg, after.total_market_kg),
    total_location_kg: changePct(before.total_location_kg, after.total_location_kg),
  };
  for (const [metric, v] of Object.entries(mAfter)) {
    const b = mBefore[metric];
    if (b !== undefined) out[metric] = changePct(b.value, v.value);
  }
  return out;
}

function intensity(t: InventoryTotals, metrics: ReturnType<typeof metricsIn>): Record<string, { value: number; unit: string }> {
  const out: Record<string, { value: number; unit: string }> = {};
  const revenue = metrics.revenue;
  if (revenue !== undefined && revenue.value > 0) {
    out.per_revenue = { value: round4((t.total_market_kg / 1000) / (revenue.value / 1e6)), unit: `t CO2e per million ${revenue.unit} (market-based)` };
  }
  const employees = metrics.employees;
  if (employees !== undefined && employees.value > 0) {
    out.per_employee = { value: round4(t.total_market_kg / 1000 / employees.value), unit: `t CO2e per ${employees.unit} (market-based)` };
  }
  return out;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
