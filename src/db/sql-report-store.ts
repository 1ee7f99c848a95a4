/**
 * @module db/sql-report-store
 * The rows reports are built from: a version's monthly rollups in a date range, gross (the report
 * applies each entity's share, app/ledger/version-terms.ts).
 */
import type { RecordFilter, RecordRow, ReportStore, RollupRow } from '../app/report/report-store.js';
import type { Param, Queryable } from './database.js';
import { RESULT_OF_RECORD } from './sql-calc-store.js';

interface Row extends Record<string, unknown> {
  month: string; entity_id: number; entity: string; site: string; unit: string | null; scope: number; category: number; method: string;
  co2e_kg: number; market_co2e_kg: number; biogenic_co2_kg: number;
  co2_kg: number; ch4_co2e_kg: number; n2o_co2e_kg: number; hfcs_co2e_kg: number; pfcs_co2e_kg: number; sf6_co2e_kg: number; nf3_co2e_kg: number;
}

export class SqlReportStore implements ReportStore {
  constructor(private readonly db: Queryable) {}

  async rollupRows(orgId: number, versionId: number, start: string, end: string): Promise<RollupRow[]> {
    const rows = await this.db.query<Row>(`
      SELECT r.month::text AS month, r.entity_id, e.name AS entity, s.name AS site, u.name AS unit, r.scope, r.category, r.method,
             r.co2e_kg, r.market_co2e_kg, r.biogenic_co2_kg, r.co2_kg, r.ch4_co2e_kg, r.n2o_co2e_kg,
             r.hfcs_co2e_kg, r.pfcs_co2e_kg, r.sf6_co2e_kg, r.nf3_co2e_kg
      FROM result_rollups r
      JOIN entities e ON e.org_id = r.org_id AND e.entity_id = r.entity_id
      JOIN sites s ON s.org_id = r.org_id AND s.site_id = r.site_id
      LEFT JOIN business_units u ON u.org_id = r.org_id AND u.unit_id = r.unit_id
      WHERE r.org_id = $1 AND r.version_id = $2 AND r.month >= $3 AND r.month < $4`, [orgId, versionId, start, end]);
    return rows.map((r) => ({
      month: r.month.slice(0, 10), entityId: Number(r.entity_id), entity: r.entity, site: r.site, unit: r.unit, scope: Number(r.scope) as 1 | 2 | 3,
      category: Number(r.category) === 0 ? null : Number(r.category), method: r.method === '' ? null : r.method,
      co2eKg: Number(r.co2e_kg), marketCo2eKg: Number(r.market_co2e_kg), biogenicCo2Kg: Number(r.biogenic_co2_kg),
      gasesKg: [r.co2_kg, r.ch4_co2e_kg, r.n2o_co2e_kg, r.hfcs_co2e_kg, r.pfcs_co2e_kg, r.sf6_co2e_kg, r.nf3_co2e_kg].map(Number),
    }));
  }

  async lastMonth(orgId: number, versionId: number): Promise<string | null> {
    const [row] = await this.db.query<{ month: string | null }>(
      'SELECT max(month)::text AS month FROM result_rollups WHERE org_id = $1 AND version_id = $2', [orgId, versionId]);
    return row?.month ?? null;
  }

  async months(orgId: number, versionId: number): Promise<string[]> {
    const rows = await this.db.query<{ month: string }>(
      'SELECT DISTINCT month::text AS month FROM result_rollups WHERE org_id = $1 AND version_id = $2 ORDER BY 1', [orgId, versionId]);
    return rows.map((r) => r.month.slice(0, 10));
  }

  async records(orgId: number, versionId: number | null, f: RecordFilter, after: number, limit: number): Promise<RecordRow[]> {
    const params: Param[] = [orgId, versionId ?? -1, after, limit];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: Param | undefined): void => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `a.period_start >= ${p}::date`, f.start);
    add((p) => `a.period_start < ${p}::date`, f.end);
    add((p) => `a.scope = ${p}`, f.scope);
    add((p) => `a.category = ${p}`, f.category);
    add((p) => `a.site_id IN (SELECT site_id FROM sites WHERE org_id = $1 AND name = ${p})`, f.site);
    add((p) => `a.site_id IN (SELECT s.site_id FROM sites s JOIN entities e USING (org_id, entity_id) WHERE s.org_id = $1 AND e.name = ${p})`, f.entity);
    add((p) => `a.unit_id IN (SELECT unit_id FROM business_units WHERE org_id = $1 AND name = ${p})`, f.businessUnit);
    const rows = await this.db.query<RecordSqlRow>(`
      SELECT a.record_id, a.period_start::text AS period_start, a.period_end::text AS period_end, e.name AS entity, s.name AS site,
             u.name AS business_unit, a.scope, a.category, a.activity, a.quantity, a.unit, coalesce(r.factor_id, a.factor_id) AS factor_id,
             r.co2e_kg, r.market_co2e_kg, b.file_name, a.row_number
      FROM activity_records a
      JOIN sites s ON s.org_id = a.org_id AND s.site_id = a.site_id
      JOIN entities e ON e.org_id = s.org_id AND e.entity_id = s.entity_id
      JOIN import_batches b ON b.org_id = a.org_id AND b.batch_id = a.batch_id
      LEFT JOIN business_units u ON u.org_id = a.org_id AND u.unit_id = a.unit_id
      LEFT JOIN LATERAL (${RESULT_OF_RECORD('res.factor_id, res.co2e_kg, res.market_co2e_kg', 'a', '$2')}) r ON true
      WHERE a.org_id = $1 AND a.record_id > $3 ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY a.record_id LIMIT $4`, params);
    return rows.map((r) => ({
      record_id: Number(r.record_id), period_start: r.period_start, period_end: r.period_end, entity: r.entity, site: r.site,
      business_unit: r.business_unit, scope: Number(r.scope), category: r.category === null ? null : Number(r.category), activity: r.activity,
      quantity: Number(r.quantity), unit: r.unit, factor_id: r.factor_id, co2e_kg: r.co2e_kg === null ? null : Number(r.co2e_kg),
      market_co2e_kg: r.market_co2e_kg === null ? null : Number(r.market_co2e_kg), file: r.file_name, row_number: Number(r.row_number),
    }));
  }
}

interface RecordSqlRow extends Record<string, unknown> {
  record_id: number; period_start: string; period_end: string; entity: string; site: string; business_unit: string | null;
  scope: number; category: number | null; activity: string | null; quantity: number; unit: string; factor_id: string | null;
  co2e_kg: number | null; market_co2e_kg: number | null; file_name: string; row_number: number;
}
