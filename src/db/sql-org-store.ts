/**
 * @module db/sql-org-store
 * OrgStore over the ledger schema (organisations, entities, entity_periods, sites, business_units,
 * org_metrics). Every statement is scoped by org_id. A metric set by hand loses the import provenance
 * (batch, row) of the value it replaces.
 */
import type { NewOrganisation, OrgStore } from '../app/org/org-store.js';
import type { BusinessUnit, Consolidation, Entity, EntityPeriod, Organisation, OrgMetric, Site } from '../app/ledger/model.js';
import type { Queryable } from './database.js';

export interface OrgRow extends Record<string, unknown> {
  org_id: number;
  slug: string;
  name: string;
  consolidation: Consolidation;
  year_start_month: number;
  currency: string;
}

export const ORG_COLUMNS = 'org_id, slug, name, consolidation, year_start_month, currency';

export const toOrg = (r: OrgRow): Organisation => ({
  orgId: Number(r.org_id),
  slug: r.slug,
  name: r.name,
  consolidation: r.consolidation,
  yearStartMonth: Number(r.year_start_month),
  currency: r.currency,
});

/** A date column as YYYY-MM-DD whichever driver returned it. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

export class SqlOrgStore implements OrgStore {
  constructor(private readonly db: Queryable) {}

  async createOrg(o: NewOrganisation): Promise<Organisation> {
    const [row] = await this.db.query<OrgRow>(
      `INSERT INTO organisations (slug, name, consolidation, year_start_month, currency) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${ORG_COLUMNS}`, [o.slug, o.name, o.consolidation, o.yearStartMonth, o.currency]);
    return toOrg(row as OrgRow);
  }

  async updateOrg(orgId: number, c: Partial<Omit<NewOrganisation, 'slug'>>): Promise<Organisation> {
    const [row] = await this.db.query<OrgRow>(
      `UPDATE organisations SET name = coalesce($2, name), consolidation = coalesce($3, consolidation),
         year_start_month = coalesce($4, year_start_month), currency = coalesce($5, currency)
       WHERE org_id = $1 RETURNING ${ORG_COLUMNS}`,
      [orgId, c.name ?? null, c.consolidation ?? null, c.yearStartMonth ?? null, c.currency ?? null]);
    return toOrg(row as OrgRow);
  }

  async findOrg(slug: string): Promise<Organisation | null> {
    const [row] = await this.db.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organisations WHERE slug = $1`, [slug]);
    return row === undefined ? null : toOrg(row);
  }

  async listOrgs(): Promise<Organisation[]> {
    return (await this.db.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organisations ORDER BY slug`)).map(toOrg);
  }

  async upsertEntity(orgId: number, name: string, country: string | null): Promise<Entity> {
    const [row] = await this.db.query<{ entity_id: number; name: string; country: string | null }>(
      `INSERT INTO entities (org_id, name, country) VALUES ($1, $2, $3)
       ON CONFLICT (org_id, name) DO UPDATE SET country = coalesce(EXCLUDED.country, entities.country)
       RETURNING entity_id, name, country`, [orgId, name, country]);
    return { entityId: Number(row?.entity_id), name: row?.name ?? name, country: row?.country ?? null };
  }

  async listEntities(orgId: number): Promise<Entity[]> {
    const rows = await this.db.query<{ entity_id: number; name: string; country: string | null }>(
      'SELECT entity_id, name, country FROM entities WHERE org_id = $1 ORDER BY name', [orgId]);
    return rows.map((r) => ({ entityId: Number(r.entity_id), name: r.name, country: r.country }));
  }

  async setEntityPeriod(orgId: number, p: EntityPeriod): Promise<void> {
    await this.db.query(
      `INSERT INTO entity_periods (org_id, entity_id, valid_from, ownership_pct, financial_control, operational_control)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (org_id, entity_id, valid_from) DO UPDATE SET ownership_pct = EXCLUDED.ownership_pct,
         financial_control = EXCLUDED.financial_control, operational_control = EXCLUDED.operational_control`,
      [orgId, p.entityId, p.validFrom, p.ownershipPct, p.financialControl, p.operationalControl]);
  }

  async listEntityPeriods(orgId: number): Promise<EntityPeriod[]> {
    const rows = await this.db.query<{ entity_id: number; valid_from: unknown; ownership_pct: number; financial_control: boolean; operational_control: boolean }>(
      `SELECT entity_id, valid_from, ownership_pct::float8 AS ownership_pct, financial_control, operational_control
       FROM entity_periods WHERE org_id = $1 ORDER BY entity_id, valid_from`, [orgId]);
    return rows.map((r) => ({
      entityId: Number(r.entity_id), validFrom: isoDate(r.valid_from), ownershipPct: Number(r.ownership_pct),
      financialControl: r.financial_control, operationalControl: r.operational_control,
    }));
  }

  async upsertSite(orgId: number, s: Omit<Site, 'siteId'>): Promise<Site> {
    const [row] = await this.db.query<{ site_id: number }>(
      `INSERT INTO sites (org_id, name, entity_id, country, grid_region, market) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (org_id, name) DO UPDATE SET entity_id = EXCLUDED.entity_id, country = EXCLUDED.country,
         grid_region = EXCLUDED.grid_region, market = EXCLUDED.market
       RETURNING site_id`, [orgId, s.name, s.entityId, s.country, s.gridRegion, s.market]);
    return { siteId: Number(row?.site_id), ...s };
  }

  async listSites(orgId: number): Promise<Site[]> {
    const rows = await this.db.query<{ site_id: number; name: string; entity_id: number; country: string; grid_region: string; market: string }>(
      'SELECT site_id, name, entity_id, country, grid_region, market FROM sites WHERE org_id = $1 ORDER BY name', [orgId]);
    return rows.map((r) => ({ siteId: Number(r.site_id), name: r.name, entityId: Number(r.entity_id), country: r.country, gridRegion: r.grid_region, market: r.market }));
  }

  async upsertUnit(orgId: number, name: string): Promise<BusinessUnit> {
    const [row] = await this.db.query<{ unit_id: number }>(
      `INSERT INTO business_units (org_id, name) VALUES ($1, $2)
       ON CONFLICT (org_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING unit_id`, [orgId, name]);
    return { unitId: Number(row?.unit_id), name };
  }

  async listUnits(orgId: number): Promise<BusinessUnit[]> {
    const rows = await this.db.query<{ unit_id: number; name: string }>('SELECT unit_id, name FROM business_units WHERE org_id = $1 ORDER BY name', [orgId]);
    return rows.map((r) => ({ unitId: Number(r.unit_id), name: r.name }));
  }

  async setMetric(orgId: number, m: OrgMetric): Promise<void> {
    await this.db.query(
      `INSERT INTO org_metrics (org_id, metric, period_start, period_end, value, unit) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (org_id, metric, period_start) DO UPDATE SET period_end = EXCLUDED.period_end, value = EXCLUDED.value, unit = EXCLUDED.unit,
         batch_id = NULL, row_number = NULL`,
      [orgId, m.metric, m.periodStart, m.periodEnd, m.value, m.unit]);
  }

  async listMetrics(orgId: number): Promise<OrgMetric[]> {
    const rows = await this.db.query<{ metric: string; period_start: unknown; period_end: unknown; value: number; unit: string }>(
      'SELECT metric, period_start, period_end, value, unit FROM org_metrics WHERE org_id = $1 ORDER BY metric, period_start', [orgId]);
    return rows.map((r) => ({ metric: r.metric, periodStart: isoDate(r.period_start), periodEnd: isoDate(r.period_end), value: Number(r.value), unit: r.unit }));
  }
}
