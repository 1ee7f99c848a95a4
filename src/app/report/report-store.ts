/**
 * @module report/report-store
 * What reports read: rollup rows of one calculation version with their consolidation shares.
 * A row whose entity has no ownership/control period in force gets share NaN, so the report can
 * refuse to guess and say which entity lacks one.
 */
import type { InventoryRow } from '../../core/index.js';
import type { Consolidation } from '../ledger/model.js';

export interface ReportStore {
  inventoryRows(orgId: number, versionId: number, start: string, end: string, approach: Consolidation): Promise<InventoryRow[]>;
}
