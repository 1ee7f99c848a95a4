/**
 * @module server/routes/org-routes
 * Organisations: list and create (the creator becomes admin), the organisation model (entities,
 * ownership and control, sites, business units) and its members. Edits run in one transaction
 * inside the organisation's row-level-security scope and answer with the whole organisation.
 */
import type { FastifyInstance } from 'fastify';
import type { ResponseOf } from '../../api/contract.js';
import { AppError } from '../../app/app-error.js';
import { setMember } from '../../app/accounts/set-member.js';
import { addBusinessUnit } from '../../app/org/add-business-unit.js';
import { addSite } from '../../app/org/add-site.js';
import { createOrganisation } from '../../app/org/create-organisation.js';
import { describeOrganisation, orgSummary, type OrgDescription } from '../../app/org/describe-organisation.js';
import type { OrgStore } from '../../app/org/org-store.js';
import { setEntity } from '../../app/org/set-entity.js';
import { updateOrganisation } from '../../app/org/update-organisation.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { setTransactionActor } from '../../db/audit-actor.js';
import { actorOf, visibleMemberships } from '../auth.js';
import { inScope, mount, type OrgScope } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

const today = (now: () => Date): string => now().toISOString().slice(0, 10);


export function orgRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const now = deps.now ?? (() => new Date());
  const accounts = new SqlAccountStore(deps.db);
  /** Runs an edit in one transaction and answers with the organisation as it now is. */
  const edit = (scope: OrgScope | null, work: (store: OrgStore, slug: string) => Promise<unknown>): Promise<OrgDescription> => {
    const s = inScope(scope);
    return s.ledger.transaction(async (tx) => {
      await work(tx.org, s.org.slug);
      return describeOrganisation(tx.org, deps.lib.index, s.org.slug, today(now));
    });
  };

  mount(app, deps, 'listOrgs', async ({ caller }) => ({
    organisations: (caller === null ? [] : visibleMemberships(caller)).map((m) => ({ ...orgSummary(m.organisation), role: m.role })),
  }));
  mount(app, deps, 'createOrg', async ({ caller, body }) => {
    if (caller === null) throw new AppError('unauthenticated', 'sign in first');
    const org = await deps.db.transaction(async (tx) => {
      await setTransactionActor(tx, actorOf(caller));
      const created = await createOrganisation(new SqlOrgStore(tx), body);
      await new SqlAccountStore(tx).setMembership(created.orgId, caller.user.userId, 'admin', []);
      return created;
    });
    return orgSummary(org);
  });
  mount(app, deps, 'getOrg', async ({ scope, query }) => {
    const s = inScope(scope);
    return describeOrganisation(s.ledger.stores.org, deps.lib.index, s.org.slug, query.as_of ?? today(now));
  });
  mount(app, deps, 'updateOrg', async ({ scope, body }) => {
    const s = inScope(scope);
    return orgSummary(await s.ledger.transaction((tx) => updateOrganisation(tx.org, s.org.slug, body)));
  });
  mount(app, deps, 'setEntity', ({ scope, body }) => edit(scope, (store, slug) => setEntity(store, slug, body)));
  mount(app, deps, 'addSite', ({ scope, body }) => edit(scope, (store, slug) => addSite(store, slug, body)));
  mount(app, deps, 'addBusinessUnit', ({ scope, body }) => edit(scope, (store, slug) => addBusinessUnit(store, slug, body)));

  const members = async (orgId: number): Promise<ResponseOf<'listMembers'>> =>
    ({ members: (await accounts.listMembers(orgId)).map((m) => ({ email: m.email, name: m.name, role: m.role, business_units: [...m.businessUnits] })) });
  // Members live in the account tables, which the owner reads: these two routes must not hold the
  // organisation's transaction open meanwhile (PGlite has one connection).
  mount(app, deps, 'listMembers', ({ scope }) => members(inScope(scope).org.orgId), { transaction: 'statement' });
  mount(app, deps, 'setMember', async ({ scope, body, caller }) => {
    const s = inScope(scope);
    await deps.db.transaction(async (tx) => {
      if (caller !== null) await setTransactionActor(tx, actorOf(caller));
      await setMember(new SqlAccountStore(tx), new SqlOrgStore(tx), s.org, body);
    });
    return members(s.org.orgId);
  }, { transaction: 'statement' });
}

