/**
 * @module db/sql-report-store
 * The rows reports are built from: a version's monthly rollups in a date range, each with its
 * entity's ownership and control terms for that month (the entity period in force on the first of
 * the month).
 */
import type { ReportStore, RollupRow } from '../app/report/report-store.js';
import type { Queryable } from './database.js';

interface Row extends Record<string, unknown> {
  month: string; entity: string; site: string; unit: string | null; scope: number; category: number; method: string;
  ownership_pct: number | null; financial_control: boolean | null; operational_control: boolean | null;
  co2e_kg: number; market_co2e_kg: number; biogenic_co2_kg: number;
  co2_kg: number; ch4_co2e_kg: number; n2o_co2e_kg: number; hfcs_co2e_kg: number; pfcs_co2e_kg: number; sf6_co2e_kg: number; nf3_co2e_kg: number;
}

export class SqlReportStore implements ReportStore {
  constructor(private readonly db: Queryable) {}

  async rollupRows(orgId: number, versionId: number, start: string, end: string): Promise<RollupRow[]> {
    const rows = await this.db.query<Row>(`
      WITH periods AS (
        SELECT entity_id, valid_from, lead(valid_from) OVER (PARTITION BY entity_id ORDER BY valid_from) AS valid_to,
               ownership_pct, financial_control, operational_control
        FROM entity_periods WHERE org_id = $1)
      SELECT r.month::text AS month, e.name AS entity, s.name AS site, u.name AS unit, r.scope, r.category, r.method,
             p.ownership_pct::float8 AS ownership_pct, p.financial_control, p.operational_control,
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
      terms: r.ownership_pct === null ? null : {
        ownershipPct: Number(r.ownership_pct), financialControl: r.financial_control === true, operationalControl: r.operational_control === true,
      },
      co2eKg: Number(r.co2e_kg), marketCo2eKg: Number(r.market_co2e_kg), biogenicCo2Kg: Number(r.biogenic_co2_kg),
      gasesKg: [r.co2_kg, r.ch4_co2e_kg, r.n2o_co2e_kg, r.hfcs_co2e_kg, r.pfcs_co2e_kg, r.sf6_co2e_kg, r.nf3_co2e_kg].map(Number),
    }));
  }

  async lastMonth(orgId: number, versionId: number): Promise<string | null> {
    const [row] = await this.db.query<{ month: string | null }>(
      'SELECT max(month)::text AS month FROM result_rollups WHERE org_id = $1 AND version_id = $2', [orgId, versionId]);
    return row?.month ?? null;
  }
}
