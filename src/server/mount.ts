/**
 * @module server/mount
 * Registers one endpoint of the contract (src/api/contract.ts): authenticates and authorises the
 * caller, validates path ids, query and body with the route's schemas, opens the organisation's
 * row-level-security scope for organisation routes, runs the handler and (in tests) checks the
 * response against its schema. Handlers only see typed, valid input.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import '../app/input-messages.js';
import { routes, type ParamsOf, type ResponseOf, type RouteName, type Routes } from '../api/contract.js';
import type { Membership } from '../app/accounts/account-store.js';
import type { Ledger } from '../app/ledger/ledger-ports.js';
import type { Organisation } from '../app/ledger/model.js';
import type { Database } from '../db/database.js';
import { sqlLedger } from '../db/sql-stores.js';
import { inTenantTransaction, TenantDatabase } from '../db/tenant-database.js';
import { actorOf, authorise, callerOf, type Caller } from './auth.js';
import type { ServerDeps } from './server-deps.js';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type QueryOut<N extends RouteName> = Routes[N] extends { query: infer Q } ? Out<Q> : undefined;
type BodyOut<N extends RouteName> = Routes[N] extends { body: infer B } ? Out<B> : undefined;
/** Path parameters as the route's `params` schema gives them (ids as numbers), else as strings. */
type ParamsOut<N extends RouteName> = Routes[N] extends { params: infer P } ? Out<P> : ParamsOf<N>;

/** An organisation route's view: the organisation, the caller's membership, and storage limited to it. */
export interface OrgScope {
  readonly org: Organisation;
  readonly membership: Membership;
  readonly db: Database;
  readonly ledger: Ledger;
}

export interface HandlerContext<N extends RouteName> {
  readonly params: ParamsOut<N>;
  readonly query: QueryOut<N>;
  readonly body: BodyOut<N>;
  readonly caller: Caller | null;
  readonly scope: OrgScope | null;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  readonly deps: ServerDeps;
}

/** The scope of an organisation route (mount gives one to every route whose access is an action). */
export function inScope(scope: OrgScope | null): OrgScope {
  if (scope === null) throw new Error('organisation route without an organisation scope');
  return scope;
}

/** Returned by handlers that wrote the reply themselves (files, event streams, cookies + body). */
export const SENT = Symbol('sent');
/** Application results are readonly; a readonly value serialises the same. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
export type Handler<N extends RouteName> = (c: HandlerContext<N>) => Promise<DeepReadonly<ResponseOf<N>> | typeof SENT>;

export interface MountOptions {
  readonly bodyLimit?: number;
  /**
   * `request` (default): an organisation route runs in one transaction in the organisation's
   * scope. `statement`: each statement in its own — for work that outlives the request (an
   * import job) and for handlers that also read the owner's account tables (PGlite has a single
   * connection, which the request's transaction would hold).
   */
  readonly transaction?: 'request' | 'statement';
  /** @fastify/rate-limit settings for this route. */
  readonly rateLimit?: { readonly max: number; readonly timeWindow: string; readonly keyGenerator: (req: FastifyRequest) => string };
}

export function mount<N extends RouteName>(app: FastifyInstance, deps: ServerDeps, name: N, handler: Handler<N>, options: MountOptions = {}): void {
  const r: Routes[N] = routes[name];
  app.route({
    method: r.method,
    url: r.path,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    config: options.rateLimit === undefined ? {} : { rateLimit: { ...options.rateLimit, hook: 'preHandler' as const } },
    handler: async (req, reply) => {
      const raw = req.params as Record<string, string>;
      const caller = r.access === 'public' ? null : await callerOf(req, deps);
      const membership = authorise(caller, { name, access: r.access }, raw.org);
      const params = 'params' in r && r.params !== undefined ? (r.params as z.ZodType).parse(raw) as Record<string, unknown> : raw;
      const query = 'query' in r && r.query !== undefined ? (r.query as z.ZodType).parse(req.query ?? {}) : undefined;
      const body = 'body' in r && r.body !== undefined ? (r.body as z.ZodType).parse(req.body ?? {}) : undefined;
      const run = async (db: Database | null): ReturnType<Handler<N>> => {
        const scope = db === null || membership === null ? null : orgScope(db, membership);
        return handler({ params, query, body, caller, scope, req, reply, deps } as HandlerContext<N>);
      };
      const actor = caller === null ? undefined : actorOf(caller);
      const result = membership === null ? await run(null)
        : options.transaction === 'statement' ? await run(new TenantDatabase(deps.db, membership.organisation.orgId, actor))
          : await inTenantTransaction(deps.db, membership.organisation.orgId, run, actor);
      if (result === SENT) return reply;
      if (deps.checkResponses === true && 'parse' in r.response) {
        const checked = (r.response as z.ZodType).safeParse(result);
        if (!checked.success) throw new Error(`response of ${name} breaks its schema: ${checked.error.message}`);
      }
      return reply.code('status' in r && r.status !== undefined ? r.status : 200).send(result);
    },
  });
}

/** The organisation comes with the membership (read when the caller was identified). */
function orgScope(db: Database, membership: Membership): OrgScope {
  return { org: membership.organisation, membership, db, ledger: sqlLedger(db) };
}
