/**
 * @module server/routes/audit-routes
 * The audit log: a page of entries, newest first, and the check of its hash chain (the same
 * documents as `carbon-ledger audit log --json` and `audit verify --json`).
 */
import type { FastifyInstance } from 'fastify';
import { listAudit, verifyAudit } from '../../app/audit/read-audit.js';
import { inScope, mount } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

export function auditRoutes(app: FastifyInstance, deps: ServerDeps): void {
  mount(app, deps, 'auditLog', async ({ scope, query }) => {
    const s = inScope(scope);
    return listAudit(s.ledger.stores, s.org.slug, query);
  });
  mount(app, deps, 'verifyAudit', async ({ scope, query }) => {
    const s = inScope(scope);
    return verifyAudit(s.ledger.stores, s.org.slug, query.head);
  });
}
