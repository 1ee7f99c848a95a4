/**
 * @module server/routes/audit-routes
 * The audit log: a page of entries, newest first, and the check of its hash chain (the same
 * documents as `carbon-ledger audit log --json` and `audit verify --json`).
 */
import type { FastifyInstance } from 'fastify';
import { listAudit, verifyAudit } from '../../app/audit/read-audit.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { inScope, mount } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

export function auditRoutes(app: FastifyInstance, deps: ServerDeps): void {
  // Membership entries are named by their accounts' e-mails, which the owner reads from the account
  // tables: the page must not hold the organisation's transaction open meanwhile (PGlite has one connection).
  mount(app, deps, 'auditLog', async ({ scope, query }) => {
    const s = inScope(scope);
    return listAudit(s.ledger.stores, new SqlAccountStore(deps.db), s.org.slug, query);
  }, { transaction: 'statement' });
  mount(app, deps, 'verifyAudit', async ({ scope, query }) => {
    const s = inScope(scope);
    return verifyAudit(s.ledger.stores, s.org.slug, query.head);
  });
}
