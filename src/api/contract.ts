/**
 * @module api/contract
 * Every endpoint of the HTTP API in one table: method, path, who may call it, and the schemas of
 * its query, body and response. The server registers its routes from this table, the OpenAPI
 * document is generated from it (src/server/openapi.ts), the web app's client is typed by it
 * (web/src/api/client.ts), and the role matrix test walks it. Add an endpoint here first.
 */
import { z } from 'zod';
import type { Action } from '../app/access/permissions.js';
import * as s from './schemas.js';

/**
 * `public`: anyone (sign-up, sign-in). `user`: any signed-in user or token. An `Action`: a member
 * of the organisation in the path whose role allows that action (and a token whose scope does).
 */
export type Access = 'public' | 'user' | 'calculate' | Action;

export interface RouteDef {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  /** Path parameters that are not plain names (ids): checked like the query and body. */
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** JSON response schema, or a media type for files and event streams. */
  readonly response: z.ZodType | { readonly mediaType: string; readonly description: string };
  readonly status?: number;
}

const route = <const R extends RouteDef>(r: R): R => r;
const O = '/api/v1/orgs/:org';

export const routes = {
  signUp: route({ method: 'POST', path: '/api/v1/auth/sign-up', tag: 'accounts', access: 'public', body: s.signUpBody, response: s.meSchema, status: 201,
    summary: 'Create an account and sign in (sets the session and CSRF cookies).' }),
  signIn: route({ method: 'POST', path: '/api/v1/auth/sign-in', tag: 'accounts', access: 'public', body: s.signInBody, response: s.meSchema,
    summary: 'Sign in with e-mail and password (rate-limited per address and per client).' }),
  signOut: route({ method: 'POST', path: '/api/v1/auth/sign-out', tag: 'accounts', access: 'user', response: s.okSchema, summary: 'End this session.' }),
  me: route({ method: 'GET', path: '/api/v1/me', tag: 'accounts', access: 'user', response: s.meSchema, summary: 'The signed-in user and their organisations.' }),
  listTokens: route({ method: 'GET', path: '/api/v1/tokens', tag: 'accounts', access: 'user', response: s.tokenListSchema, summary: 'Your API tokens (never their secrets).' }),
  createToken: route({ method: 'POST', path: '/api/v1/tokens', tag: 'accounts', access: 'user', body: s.createTokenBody, response: s.createdTokenSchema, status: 201,
    summary: 'A scoped API token for scripts; the secret is shown in this response only.' }),
  revokeToken: route({ method: 'DELETE', path: '/api/v1/tokens/:id', tag: 'accounts', access: 'user', params: s.idParams, response: s.okSchema, summary: 'Revoke one of your tokens.' }),

  listOrgs: route({ method: 'GET', path: '/api/v1/orgs', tag: 'organisations', access: 'user', response: s.orgListSchema, summary: 'Organisations you are a member of.' }),
  createOrg: route({ method: 'POST', path: '/api/v1/orgs', tag: 'organisations', access: 'user', body: s.createOrganisationInput, response: s.orgSummarySchema, status: 201,
    summary: 'A new organisation; you become its admin.' }),
  getOrg: route({ method: 'GET', path: O, tag: 'organisations', access: 'read', query: z.object({ as_of: z.string().optional() }), response: s.orgDescriptionSchema,
    summary: 'Entities with ownership and control, sites (each with the region whose grid factor its electricity takes), business units, metrics.' }),
  updateOrg: route({ method: 'PATCH', path: O, tag: 'organisations', access: 'manage_org', body: s.updateOrganisationInput, response: s.orgSummarySchema,
    summary: 'Rename, change the consolidation approach, the fiscal year start or the currency.' }),
  setEntity: route({ method: 'POST', path: `${O}/entities`, tag: 'organisations', access: 'manage_org', body: s.setEntityInput, response: s.orgDescriptionSchema,
    summary: 'Create a legal entity or set its ownership and control from a date.' }),
  addSite: route({ method: 'POST', path: `${O}/sites`, tag: 'organisations', access: 'manage_org', body: s.addSiteInput, response: s.orgDescriptionSchema,
    summary: 'Add or update a site of an entity, with its grid region and market.' }),
  addBusinessUnit: route({ method: 'POST', path: `${O}/business-units`, tag: 'organisations', access: 'manage_org', body: s.addBusinessUnitInput, response: s.orgDescriptionSchema,
    summary: 'Add a business unit.' }),
  listMembers: route({ method: 'GET', path: `${O}/members`, tag: 'organisations', access: 'read', response: s.memberListSchema, summary: 'Members and their roles.' }),
  setMember: route({ method: 'POST', path: `${O}/members`, tag: 'organisations', access: 'manage_members', body: s.addMemberBody, response: s.memberListSchema,
    summary: 'Give an existing account a role in this organisation.' }),

  listMappings: route({ method: 'GET', path: `${O}/mappings`, tag: 'data', access: 'read', response: s.mappingListSchema, summary: 'Saved and built-in column mappings.' }),
  saveMapping: route({ method: 'PUT', path: `${O}/mappings/:name`, tag: 'data', access: 'import', body: s.saveMappingBody, response: s.savedMappingSchema,
    summary: 'Save a column mapping under a name for later imports (docs/import.md).' }),
  listImports: route({ method: 'GET', path: `${O}/imports`, tag: 'data', access: 'read', response: s.batchListSchema, summary: 'Import batches, oldest first.' }),
  listQuarantined: route({ method: 'GET', path: `${O}/imports/:batch/quarantined`, tag: 'data', access: 'read', params: s.orgBatchParams, response: s.quarantinedSchema,
    summary: 'The rows an import kept apart with quarantine, as read, with their errors.' }),
  exportQuarantined: route({ method: 'GET', path: `${O}/imports/:batch/quarantined/csv`, tag: 'data', access: 'read', params: s.orgBatchParams,
    response: { mediaType: 'text/csv', description: 'The quarantined rows with the file\'s own columns in its order, to fix and import again with the batch\'s mapping.' },
    summary: 'Download the rows an import kept apart as CSV (as `quarantine --csv`).' }),
  startImport: route({ method: 'POST', path: `${O}/imports`, tag: 'data', access: 'import', body: s.importBody, response: s.importJobSchema, status: 202,
    summary: 'Start an import (or a dry run); follow it on the job\'s event stream.' }),
  importEvents: route({ method: 'GET', path: `${O}/imports/jobs/:job`, tag: 'data', access: 'import',
    response: { mediaType: 'text/event-stream', description: 'Server-sent events: `progress` {bytes, total}, then `result` (ImportResult) or `failure` (Error).' },
    summary: 'Progress and result of an import job.' }),
  listRecords: route({ method: 'GET', path: `${O}/records`, tag: 'data', access: 'read', query: s.recordQuery, response: s.recordPageSchema,
    summary: 'Activity records with their results in the latest version; keyset paging by record id.' }),
  explainRecord: route({ method: 'GET', path: `${O}/records/:id`, tag: 'data', access: 'read', params: s.orgIdParams, query: s.traceQuery, response: s.recordTraceSchema,
    summary: 'One record\'s whole trace: source row, factor and its source, GWP, version, explanation.' }),

  listVersions: route({ method: 'GET', path: `${O}/versions`, tag: 'data', access: 'read', response: s.versionListSchema,
    summary: 'Calculation versions, oldest first, with their reason, GWP set, fingerprints and instruments.' }),
  recalculate: route({ method: 'POST', path: `${O}/recalculate`, tag: 'data', access: 'recalculate', body: s.recalculateBody, response: s.recalculatedSchema, status: 201,
    summary: 'Make a new calculation version (after a factor library update, or under another GWP set).' }),
  reportingYears: route({ method: 'GET', path: `${O}/years`, tag: 'reports', access: 'read', response: s.yearsSchema, summary: 'Reporting years with results, newest first.' }),
  inventory: route({ method: 'GET', path: `${O}/inventory`, tag: 'reports', access: 'read', query: s.inventoryQuery, response: s.inventorySchema,
    summary: 'The GHG inventory of a reporting year (same document as `report inventory --json`).' }),
  exportInventory: route({ method: 'GET', path: `${O}/inventory/export`, tag: 'reports', access: 'read', query: s.exportQuery,
    response: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'The inventory as XLSX (or text/csv with format=csv).' },
    summary: 'Download the inventory as XLSX or CSV.' }),

  auditLog: route({ method: 'GET', path: `${O}/audit`, tag: 'audit', access: 'read', query: s.auditQuery, response: s.auditPageSchema,
    summary: 'The organisation\'s audit log, newest first: every change to its model, mappings, imports, versions and members, hash-chained.' }),
  verifyAudit: route({ method: 'GET', path: `${O}/audit/verify`, tag: 'audit', access: 'read', query: s.auditVerifyQuery, response: s.auditCheckSchema,
    summary: 'Recompute the audit log\'s hash chain; the head (seq, hash) is worth keeping outside the database.' }),

  searchFactors: route({ method: 'GET', path: '/api/v1/factors', tag: 'factors', access: 'user', query: s.factorQuery, response: s.factorListSchema,
    summary: 'Search the emission factor library.' }),
  getFactor: route({ method: 'GET', path: '/api/v1/factors/:id', tag: 'factors', access: 'user', response: s.factorSchema, summary: 'One factor with its full source.' }),
  calculate: route({ method: 'POST', path: '/api/v1/calculate', tag: 'calculation', access: 'calculate', body: s.calculateBody, response: s.calcOutputSchema,
    summary: 'Stateless calculation in the `calc` format (docs/calc-format.md).' }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type SchemaOut<T> = T extends z.ZodType ? z.output<T> : never;
type SchemaIn<T> = T extends z.ZodType ? z.input<T> : never;
export type BodyOf<N extends RouteName> = Routes[N] extends { body: infer B } ? SchemaIn<B> : undefined;
export type QueryOf<N extends RouteName> = Routes[N] extends { query: infer Q } ? SchemaIn<Q> : undefined;
export type ResponseOf<N extends RouteName> = SchemaOut<Routes[N]['response']>;
/** Path parameters named in the route's path (`:org`, `:id`…). */
export type ParamsOf<N extends RouteName> = PathParams<Routes[N]['path']>;
type PathParams<P extends string> = P extends `${string}:${infer K}/${infer Rest}` ? { [k in K]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer K}` ? { [k in K]: string } : Record<never, never>;

/** Fills `:name` segments of a path. */
export function pathOf(path: string, params: Readonly<Record<string, string | number>>): string {
  return path.replace(/:([a-z_]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`path ${path} needs :${k}`);
    return encodeURIComponent(String(v));
  });
}
