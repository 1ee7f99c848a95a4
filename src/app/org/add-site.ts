/**
 * @module org/add-site
 * `org site`: a site of one of the organisation's entities, with the regions its electricity is
 * accounted in. Rule: a grid region or market not given is the site's country — the location-based
 * factor is then the national one and instruments are matched nationally. For a site that exists,
 * what is not given stays as it is (its entity, its country, and its grid region and market while
 * the country stays), so changing one field takes one flag.
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { Organisation, Site } from '../ledger/model.js';
import { checkSiteRegions, parseInput, requireOrg, siteFields } from './org-input.js';
import type { OrgStore } from './org-store.js';

/** Entity and country are required for a new site only. */
export const addSiteInput = z.object({ ...siteFields, entity: siteFields.entity.optional(), country: siteFields.country.optional() });

const siteRegions = z.object({ country: siteFields.country, grid_region: siteFields.grid_region, market: siteFields.market }).superRefine(checkSiteRegions);

export type AddSiteInput = z.input<typeof addSiteInput>;

export interface AddSiteResult {
  readonly org: Organisation;
  readonly site: Site;
  readonly entity: string;
  /** Fields that took the site's country by the default rule. */
  readonly defaulted: readonly RegionField[];
}

export type RegionField = 'grid_region' | 'market';

/** The fields of a site that take its country by the rule of docs/org-file.md (not given). */
export const defaultedToCountry = (s: { readonly grid_region?: string | undefined; readonly market?: string | undefined }): RegionField[] =>
  (['grid_region', 'market'] as const).filter((f) => s[f] === undefined);

/** The note the CLI prints when the rule applied. */
export function defaultedNote(site: string, country: string, fields: readonly RegionField[]): string {
  return `note: site ${site}: no ${fields.map((f) => f.replace('_', ' ')).join(' or ')} given, so ${fields.length > 1 ? 'they are' : 'it is'} the country (${country}) — the rule when none is given`;
}

export async function addSite(store: OrgStore, orgSlug: string, input: AddSiteInput): Promise<AddSiteResult> {
  const s = parseInput(addSiteInput, input);
  const org = await requireOrg(store, orgSlug);
  const existing = (await store.listSites(org.orgId)).find((x) => x.name === s.name);
  const entities = await store.listEntities(org.orgId);
  if (existing === undefined) {
    const missing = s.entity === undefined ? 'entity' : s.country === undefined ? 'country' : null;
    if (missing !== null) throw new AppError('invalid_input', `${missing}: is required for a new site (${org.slug} has no site "${s.name}" yet)`);
  }
  const entity = s.entity === undefined ? entities.find((e) => e.entityId === existing?.entityId) : entities.find((e) => e.name === s.entity);
  if (entity === undefined) {
    throw new AppError('not_found', `entity: no entity "${s.entity}" in ${org.slug} (add it with: carbon-ledger org entity ${org.slug} NAME)`);
  }
  const country = s.country ?? (existing?.country as string);
  // While the country stays, a region not given keeps its value; a new country takes the rule.
  const kept = existing !== undefined && existing.country === country ? existing : null;
  const regions = parseInput(siteRegions, { country, grid_region: s.grid_region ?? kept?.gridRegion, market: s.market ?? kept?.market });
  const site = await store.upsertSite(org.orgId, {
    name: s.name, entityId: entity.entityId, country, gridRegion: regions.grid_region ?? country, market: regions.market ?? country,
  });
  return { org, site, entity: entity.name, defaulted: defaultedToCountry(regions) };
}
