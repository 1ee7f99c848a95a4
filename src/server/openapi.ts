/**
 * @module server/openapi
 * The OpenAPI 3.1 document, generated from the contract's zod schemas (zod's own JSON Schema
 * output, draft 2020-12, which is OpenAPI 3.1's dialect). Served at /api/openapi.json.
 */
import { z } from 'zod';
import { routes, type RouteDef } from '../api/contract.js';
import { API_ERROR_CODES, apiErrorSchema } from '../api/errors.js';
import { scopeFor } from '../app/access/permissions.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, TOKEN_ACCOUNT_ROUTES } from './auth.js';

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  return json;
}

function parameters(r: RouteDef): Json[] {
  const path = [...r.path.matchAll(/:([a-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (r.query === undefined) return path;
  const q = schema(r.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  const query = Object.entries(q.properties ?? {}).map(([name, s]) => ({
    name, in: 'query', required: (q.required ?? []).includes(name), schema: s, ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
  return [...path, ...query];
}

/** Who may call a route, from the same rules the server enforces (auth.ts, permissions.ts). */
function security(name: string, access: RouteDef['access']): Json[] {
  const session = { session: [] };
  if (access === 'public') return [];
  if (access === 'calculate') return [session, { token: ['calculate'] }];
  if (access === 'user') return TOKEN_ACCOUNT_ROUTES.has(name) ? [session, { token: [] }] : [session];
  const scope = scopeFor(access);
  return scope === null ? [session] : [session, { token: [scope] }];
}

export function openApiDocument(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const errorBody = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const [name, r] of Object.entries(routes) as [string, RouteDef][]) {
    const path = r.path.replace(/:([a-z_]+)/g, '{$1}');
    const ok = 'parse' in r.response
      ? { description: 'OK', content: { 'application/json': { schema: schema(r.response as z.ZodType, 'output') } } }
      : { description: r.response.description, content: { [r.response.mediaType]: { schema: { type: 'string', format: 'binary' } } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: name,
      summary: r.summary,
      tags: [r.tag],
      security: security(name, r.access),
      'x-access': r.access,
      parameters: parameters(r),
      ...(r.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } }),
      responses: {
        [String(r.status ?? 200)]: ok,
        ...(r.body === undefined && r.query === undefined ? {} : { 400: { description: 'invalid_input', ...errorBody } }),
        ...(r.access === 'public' ? {} : { 401: { description: 'unauthenticated', ...errorBody }, 403: { description: 'forbidden or csrf', ...errorBody } }),
        ...(r.path.includes(':') ? { 404: { description: 'not_found', ...errorBody } } : {}),
        default: { description: 'Any other error, in the same shape', ...errorBody },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Carbon Ledger API',
      version,
      description: 'Activity data in, explained tCO2e out. Every error has the shape of components.schemas.Error; its `code` is one of: '
        + Object.entries(API_ERROR_CODES).map(([c, v]) => `\`${c}\` (${v.status}) ${v.meaning}`).join(' '),
    },
    paths,
    components: {
      schemas: { Error: schema(apiErrorSchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `Set by sign-in; mutating requests also need the ${CSRF_HEADER} header equal to the ${CSRF_COOKIE} cookie.` },
        token: { type: 'http', scheme: 'bearer', description: 'An API token (clt_…) created at POST /api/v1/tokens, with scopes read, import, calculate.' },
      },
    },
  };
}
