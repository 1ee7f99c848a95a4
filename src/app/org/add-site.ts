/**
 * @module org/add-site
 * `org site`: a site of one of the organisation's entities, with the regions its electricity is
 * accounted in. Rule: a grid region or market not given is the site's country — the location-based
 * factor is then the national one and instruments are matched nationally.
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { Organisation, Site } from '../ledger/model.js';
import { checkSiteRegions, parseInput, requireOrg, siteFields } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const addSiteInput = z.object(siteFields).superRefine(checkSiteRegions);

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
  const entity = (await store.listEntities(org.orgId)).find((e) => e.name === s.entity);
  if (entity === undefined) {
    throw new AppError('not_found', `entity: no entity "${s.entity}" in ${org.slug} (add it with: carbon-ledger org entity ${org.slug} NAME)`);
  }
  const site = await store.upsertSite(org.orgId, {
    name: s.name, entityId: entity.entityId, country: s.country, gridRegion: s.grid_region ?? s.country, market: s.market ?? s.country,
  });
  return { org, site, entity: entity.name, defaulted: defaultedToCountry(s) };
}
