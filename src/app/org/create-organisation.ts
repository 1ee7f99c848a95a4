/**
 * @module org/create-organisation
 * `org create`: a new organisation with its consolidation approach and reporting-year start.
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { Organisation } from '../ledger/model.js';
import { consolidation, currency, parseInput, slug, text, yearStartMonth } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const createOrganisationInput = z.object({
  slug,
  name: text,
  consolidation,
  year_start_month: yearStartMonth.default(1),
  currency: currency.default('USD'),
});

export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;

export async function createOrganisation(store: OrgStore, input: CreateOrganisationInput): Promise<Organisation> {
  const o = parseInput(createOrganisationInput, input);
  if ((await store.findOrg(o.slug)) !== null) {
    throw new AppError('conflict', `slug: organisation "${o.slug}" exists already (change it with: carbon-ledger org set ${o.slug} …)`);
  }
  return store.createOrg({ slug: o.slug, name: o.name, consolidation: o.consolidation, yearStartMonth: o.year_start_month, currency: o.currency });
}
