/**
 * @module org/update-organisation
 * `org set`: rename an organisation, change its consolidation approach, reporting-year start or
 * currency. Stored metrics keep their dates, so changing the year start does not move them.
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { Organisation } from '../ledger/model.js';
import { consolidation, currency, parseInput, requireOrg, text, yearStartMonth } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const updateOrganisationInput = z.object({
  name: text.optional(),
  consolidation: consolidation.optional(),
  year_start_month: yearStartMonth.optional(),
  currency: currency.optional(),
});

export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;

export async function updateOrganisation(store: OrgStore, orgSlug: string, input: UpdateOrganisationInput): Promise<Organisation> {
  const c = parseInput(updateOrganisationInput, input);
  const org = await requireOrg(store, orgSlug);
  if (Object.values(c).every((v) => v === undefined)) {
    throw new AppError('invalid_input', 'nothing to change: give a name, consolidation, year_start_month or currency');
  }
  return store.updateOrg(org.orgId, { name: c.name, consolidation: c.consolidation, yearStartMonth: c.year_start_month, currency: c.currency });
}
