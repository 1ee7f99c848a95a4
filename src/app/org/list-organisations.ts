/**
 * @module org/list-organisations
 * `org list`: every organisation in the ledger, by slug.
 */
import type { Organisation } from '../ledger/model.js';
import type { OrgStore } from './org-store.js';

export function listOrganisations(store: OrgStore): Promise<Organisation[]> {
  return store.listOrgs();
}
