/**
 * @module org/add-business-unit
 * `org unit`: a business unit, which activity rows may be tagged with for reporting by unit.
 */
import { z } from 'zod';
import type { BusinessUnit, Organisation } from '../ledger/model.js';
import { parseInput, requireOrg, text } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const addBusinessUnitInput = z.object({ name: text });

export type AddBusinessUnitInput = z.input<typeof addBusinessUnitInput>;

export async function addBusinessUnit(store: OrgStore, orgSlug: string, input: AddBusinessUnitInput): Promise<{ org: Organisation; unit: BusinessUnit }> {
  const { name } = parseInput(addBusinessUnitInput, input);
  const org = await requireOrg(store, orgSlug);
  return { org, unit: await store.upsertUnit(org.orgId, name) };
}
