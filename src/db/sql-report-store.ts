/**
 * @module db/sql-report-store
 * The rows reports are built from: a version's monthly rollups in a date range, each with its
 * entity's consolidation share for that month (the entity period in force on the first of the month).
 */
import type { Consolidation } from '../app/ledger/model.js';
import type { ReportStore } from '../app/report/report-store.js';
import type { InventoryRow } from '../core/index.js';
import type { Queryable } from './database.js';

interface Row extends Record<string, unknown> {
  month: string; entity: string; site: string; unit: string | null; scope: number; category: number; method: string;
  share: number | null; co2e_kg: number; market_co2e_kg: number; biogenic_co2_kg: number;
  co2_kg: number; ch4_co2e_kg: number; n2o_co2e_kg: number; hfcs_co2e_kg: number; pfcs_co2e_kg: number; sf6_co2e_kg: number; nf3_co2e_kg: number;
}

const SHARE: Record<Consolidation, string> = {
  equity_share: 'p.ownership_pct::float8 / 100',
  financial_control: 'CASE WHEN p.financial_control THEN 1 ELSE 0 END',
  operational_control: 'CASE WHEN p.operational_control THEN 1 ELSE 0 END',
};

export class SqlReportStore implements ReportStore {
  constructor(private readonly db: Queryable) {}

  async inventoryRows(orgId: number, versionId: number, start: string, end: string, approach: Consolidation): Promise<InventoryRow[]> {
    const rows = await this.db.query<Row>(`
      WITH periods AS (
        SELECT entity_id, valid_from, lead(valid_from) OVER (PARTITION BY entity_id ORDER BY valid_from) AS valid_to,
               ownership_pct, financial_control, operational_control
        FROM entity_periods WHERE org_id = $1)
      SELECT r.month::text AS month, e.name AS entity, s.name AS site, u.name AS unit, r.scope, r.category, r.method,
             ${SHARE[approach]} AS share,
             r.co2e_kg, r.market_co2e_kg, r.biogenic_co2_kg, r.co2_kg, r.ch4_co2e_kg, r.n2o_co2e_kg,
             r.hfcs_co2e_kg, r.pfcs_co2e_kg, r.sf6_co2e_kg, r.nf3_co2e_kg
      FROM result_rollups r
      JOIN entities e ON e.org_id = r.org_id AND e.entity_id = r.entity_id
      JOIN sites s ON s.org_id = r.org_id AND s.site_id = r.site_id
      LEFT JOIN business_units u ON u.org_id = r.org_id AND u.unit_id = r.unit_id
      LEFT JOIN periods p ON p.entity_id = r.entity_id AND p.valid_from <= r.month AND (p.valid_to IS NULL OR r.month < p.valid_to)
      WHERE r.org_id = $1 AND r.version_id = $2 AND r.month >= $3 AND r.month < $4`, [orgId, versionId, start, end]);
    return rows.map((r) => ({
      month: r.month.slice(0, 10), entity: r.entity, site: r.site, unit: r.unit, scope: Number(r.scope) as 1 | 2 | 3,
      category: Number(r.category) === 0 ? null : Number(r.category), method: r.method === '' ? null : r.method,
      share: r.share === null ? Number.NaN : Number(r.share),
      co2eKg: Number(r.co2e_kg), marketCo2eKg: Number(r.market_co2e_kg), biogenicCo2Kg: Number(r.biogenic_co2_kg),
      gasesKg: [r.co2_kg, r.ch4_co2e_kg, r.n2o_co2e_kg, r.hfcs_co2e_kg, r.pfcs_co2e_kg, r.sf6_co2e_kg, r.nf3_co2e_kg].map(Number),
    }));
  }
}
