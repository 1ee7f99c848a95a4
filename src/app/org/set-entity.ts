/**
 * @module org/set-entity
 * `org entity`: creates a legal entity (or updates its country) and, with `from`, sets its
 * ownership and control from that date until its next period. Terms not given are taken from the
 * period in force on that date, so changing only the ownership keeps the control flags; a first
 * period needs the ownership, and its control flags default to "not controlled".
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import type { Entity, EntityPeriod, Organisation } from '../ledger/model.js';
import { periodInForce, shareAt, type ShareAt } from './consolidation-share.js';
import { country, isoDate, ownershipPct, parseInput, requireOrg, text } from './org-input.js';
import type { OrgStore } from './org-store.js';

export const setEntityInput = z.object({
  name: text,
  country: country.optional(),
  from: isoDate.optional(),
  ownership_pct: ownershipPct.optional(),
  financial_control: z.boolean().optional(),
  operational_control: z.boolean().optional(),
});

export type SetEntityInput = z.input<typeof setEntityInput>;

export interface SetEntityResult {
  readonly org: Organisation;
  readonly entity: Entity;
  /** The period written, or null when only the entity itself was set. */
  readonly period: EntityPeriod | null;
  /** The entity's share under the organisation's approach from that period's start. */
  readonly share: ShareAt | null;
}

export async function setEntity(store: OrgStore, orgSlug: string, input: SetEntityInput): Promise<SetEntityResult> {
  const e = parseInput(setEntityInput, input);
  const terms = [e.ownership_pct, e.financial_control, e.operational_control];
  if (e.from === undefined && terms.some((t) => t !== undefined)) {
    throw new AppError('invalid_input', 'from: is required with ownership or control (the date they take effect)');
  }
  const org = await requireOrg(store, orgSlug);
  const existing = await store.listEntityPeriods(org.orgId);
  const known = (await store.listEntities(org.orgId)).find((x) => x.name === e.name);
  const previous = known === undefined || e.from === undefined ? null : periodInForce(existing, known.entityId, e.from);
  const ownershipPct = e.ownership_pct ?? previous?.ownershipPct;
  if (e.from !== undefined && ownershipPct === undefined) {
    throw new AppError('invalid_input', `ownership_pct: is required for the first period of entity "${e.name}" (none starts on or before ${e.from})`);
  }
  const entity = await store.upsertEntity(org.orgId, e.name, e.country ?? null);
  if (e.from === undefined || ownershipPct === undefined) return { org, entity, period: null, share: null };
  const period: EntityPeriod = {
    entityId: entity.entityId,
    validFrom: e.from,
    ownershipPct,
    financialControl: e.financial_control ?? previous?.financialControl ?? false,
    operationalControl: e.operational_control ?? previous?.operationalControl ?? false,
  };
  await store.setEntityPeriod(org.orgId, period);
  const periods = await store.listEntityPeriods(org.orgId);
  return { org, entity, period, share: shareAt(org.consolidation, periods, entity.entityId, period.validFrom) };
}
