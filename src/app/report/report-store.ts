/**
 * @module report/report-store
 * What reports read: one calculation version's monthly rollup rows, each with the ownership and
 * control terms of its entity in force on the first of the month (or none). The share those terms
 * give is computed in one place, `consolidationShare` (app/org/consolidation-share.ts).
 */
import type { InventoryRow } from '../../core/index.js';
import type { AuditStore } from '../audit/audit-store.js';
import type { CalcStore } from '../ledger/calc-store.js';
import type { OrgStore } from '../org/org-store.js';

export interface RollupRow extends Omit<InventoryRow, 'share'> {
  /** The row's entity: its share is applied by the report (ledger/version-terms.ts). */
  readonly entityId: number;
}

export interface ReportStore {
  rollupRows(orgId: number, versionId: number, start: string, end: string): Promise<RollupRow[]>;
  /** First day of the latest month with results in the version, or null. */
  lastMonth(orgId: number, versionId: number): Promise<string | null>;
  /** First days of the months with results in the version. */
  months(orgId: number, versionId: number): Promise<string[]>;
  /** Records with `record_id > after` matching the filter, by record id, at most `limit`. */
  records(orgId: number, versionId: number | null, filter: RecordFilter, after: number, limit: number): Promise<RecordRow[]>;
}

/** Dates bound period_start: start inclusive, end exclusive. Names are matched exactly. */
export interface RecordFilter {
  readonly start?: string;
  readonly end?: string;
  readonly scope?: number;
  readonly category?: number;
  readonly entity?: string;
  readonly site?: string;
  readonly businessUnit?: string;
}

/** One row of the records table (snake_case: it is what the API returns). */
export interface RecordRow {
  readonly record_id: number;
  readonly period_start: string;
  readonly period_end: string;
  readonly entity: string;
  readonly site: string;
  readonly business_unit: string | null;
  readonly scope: number;
  readonly category: number | null;
  readonly activity: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly factor_id: string | null;
  readonly co2e_kg: number | null;
  readonly market_co2e_kg: number | null;
  readonly file: string;
  readonly row_number: number;
}

export interface ReportStores {
  readonly org: OrgStore;
  readonly calc: CalcStore;
  readonly report: ReportStore;
  readonly audit: AuditStore;
}
