/**
 * @module org/org-store
 * What the application needs to read and write the organisation model. Implemented over SQL in
 * src/db/sql-org-store.ts; use cases depend on this interface only.
 */
import type { Consolidation, Entity, EntityPeriod, BusinessUnit, Organisation, OrgMetric, Site } from '../ledger/model.js';

export interface NewOrganisation {
  readonly slug: string;
  readonly name: string;
  readonly consolidation: Consolidation;
  readonly yearStartMonth: number;
  readonly currency: string;
}

export interface OrgStore {
  createOrg(org: NewOrganisation): Promise<Organisation>;
  updateOrg(orgId: number, changes: Partial<Omit<NewOrganisation, 'slug'>>): Promise<Organisation>;
  findOrg(slug: string): Promise<Organisation | null>;
  listOrgs(): Promise<Organisation[]>;

  /** Creates the entity, or returns the existing one of that name. */
  upsertEntity(orgId: number, name: string, country: string | null): Promise<Entity>;
  listEntities(orgId: number): Promise<Entity[]>;
  /** Sets ownership and control from `validFrom` (replacing a period that starts the same day). */
  setEntityPeriod(orgId: number, period: EntityPeriod): Promise<void>;
  listEntityPeriods(orgId: number): Promise<EntityPeriod[]>;

  upsertSite(orgId: number, site: Omit<Site, 'siteId'>): Promise<Site>;
  listSites(orgId: number): Promise<Site[]>;

  upsertUnit(orgId: number, name: string): Promise<BusinessUnit>;
  listUnits(orgId: number): Promise<BusinessUnit[]>;

  /** Sets a metric for a period (replacing the value for the same metric and start). */
  setMetric(orgId: number, metric: OrgMetric): Promise<void>;
  listMetrics(orgId: number): Promise<OrgMetric[]>;
}
