/**
 * @module report/report-store
 * What reports read: one calculation version's monthly rollup rows, each with the ownership and
 * control terms of its entity in force on the first of the month (or none). The share those terms
 * give is computed in one place, `consolidationShare` (app/org/consolidation-share.ts).
 */
import type { InventoryRow } from '../../core/index.js';
import type { EntityTerms } from '../org/consolidation-share.js';

export interface RollupRow extends Omit<InventoryRow, 'share'> {
  /** `null` when the entity has no ownership/control period in force in the row's month. */
  readonly terms: EntityTerms | null;
}

export interface ReportStore {
  rollupRows(orgId: number, versionId: number, start: string, end: string): Promise<RollupRow[]>;
  /** First day of the latest month with results in the version, or null. */
  lastMonth(orgId: number, versionId: number): Promise<string | null>;
}
