/**
 * @module server/server
 * The HTTP server: the API under /api/v1 (every route from src/api/contract.ts), the OpenAPI
 * document at /api/openapi.json, and the built web app at / (any other path falls back to its
 * index.html, so the app's own routes can be reloaded). One error shape for every failure.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { prepareSignIn } from '../app/accounts/accounts.js';
import { failureReply } from './http-error.js';
import { openApiDocument } from './openapi.js';
import { accountRoutes } from './routes/account-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { dataRoutes } from './routes/data-routes.js';
import { factorRoutes } from './routes/factor-routes.js';
import { orgRoutes } from './routes/org-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import type { ServerDeps } from './server-deps.js';

export const API_VERSION = '1.0.0';

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  await prepareSignIn(deps.hasher);
  const app = Fastify({ logger: deps.logger === true, bodyLimit: 8 * 1024 * 1024, genReqId: () => randomUUID() });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });

  app.setErrorHandler((error, req, reply) => {
    const log = deps.logger === true ? (message: string, err: unknown): void => req.log.error({ err }, message) : undefined;
    const { status, body } = failureReply(error, req.id, log);
    void reply.code(status).send(body);
  });

  const openapi = openApiDocument(API_VERSION);
  app.get('/api/openapi.json', async () => openapi);
  accountRoutes(app, deps);
  orgRoutes(app, deps);
  dataRoutes(app, deps);
  reportRoutes(app, deps);
  auditRoutes(app, deps);
  factorRoutes(app, deps);

  const webDir = deps.webDir ?? null;
  if (webDir !== null && existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || webDir === null || !existsSync(webDir) || req.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'not_found', message: `no endpoint ${req.method} ${req.url.split('?')[0]}` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
