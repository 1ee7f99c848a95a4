/**
 * The access matrix, generated from the contract: every endpoint called as every role of an
 * organisation and as a member of another organisation, on PGlite and on PostgreSQL. Allowed
 * calls succeed; refused roles get 403 and an outsider 404, and neither changes a single row of
 * the organisation (every tenant table is counted before and after). `SAMPLES` must name every
 * endpoint (the type says so), so a new endpoint cannot join the API untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteName } from '../api/contract.js';
import { can, ROLES, type Action, type Role } from '../app/access/permissions.js';
import { ENGINES } from '../test-support/databases.js';
import { ApiClient, base64, errorOf, openTestServer, runImport, signedUp, type Call, type TestServer } from '../test-support/test-server.js';

const ORG = 'alpha';
const HEADER = 'source_id,site,business_unit,period_start,period_end,scope,quantity,unit,activity,carrier';
const rowFor = (unit: string, n: number): string => `S-${n},Alpha Plant,${unit},2024-0${n}-01,2024-0${n + 1}-01,1,${10 * n},mmBtu,fuel.natural-gas,`;
const csv = (unit: string, n: number): string => [HEADER, rowFor(unit, n)].join('\n') + '\n';

const TENANT_TABLES = ['organisations', 'entities', 'entity_periods', 'sites', 'business_units', 'org_metrics', 'column_mappings',
  'import_batches', 'activity_records', 'quarantined_rows', 'instruments', 'calc_versions', 'results', 'result_rollups', 'memberships', 'api_tokens'];

interface World {
  readonly server: TestServer;
  readonly clients: Readonly<Record<Role | 'outsider', ApiClient>>;
  readonly recordId: number;
  readonly batchId: number;
}

type Sample = (w: World, caller: ApiClient, n: number) => Promise<Call>;

/** A valid request for each endpoint, for organisation ALPHA where it has one. */
const SAMPLES: Readonly<Record<RouteName, Sample | 'separately'>> = {
  signUp: 'separately', signIn: 'separately', signOut: 'separately', // api.test.ts: accounts and sessions
  me: async () => ({}),
  listTokens: async () => ({}),
  createToken: async () => ({ body: { name: 'script', org: null, scopes: ['calculate'] } }),
  revokeToken: async (_w, c) => ({ params: { id: (await c.ok<{ id: number }>('createToken', { body: { name: 'tmp', org: null, scopes: ['calculate'] } })).id } }),
  listOrgs: async () => ({}),
  createOrg: async (_w, _c, n) => ({ body: { slug: `own-${n}`, name: 'Own', consolidation: 'equity_share' } }),
  getOrg: async () => ({ params: { org: ORG } }),
  updateOrg: async () => ({ params: { org: ORG }, body: { name: 'Alpha Industries' } }),
  setEntity: async () => ({ params: { org: ORG }, body: { name: 'Alpha Inc.', country: 'US' } }),
  addSite: async () => ({ params: { org: ORG }, body: { name: 'Alpha Plant', entity: 'Alpha Inc.', country: 'US', grid_region: 'US-RFCE' } }),
  addBusinessUnit: async () => ({ params: { org: ORG }, body: { name: 'Unit A' } }),
  listMembers: async () => ({ params: { org: ORG } }),
  setMember: async () => ({ params: { org: ORG }, body: { email: 'guest@example.com', role: 'auditor' } }),
  listMappings: async () => ({ params: { org: ORG } }),
  listImports: async () => ({ params: { org: ORG } }),
  listVersions: async () => ({ params: { org: ORG } }),
  listQuarantined: async (w) => ({ params: { org: ORG, batch: w.batchId } }),
  exportQuarantined: async (w) => ({ params: { org: ORG, batch: w.batchId } }),
  saveMapping: async () => ({ params: { org: ORG, name: 'meter-export' }, body: { columns: { Meter: 'site', kWh: 'quantity' }, constants: { unit: 'kWh', scope: 2, activity: 'electricity.grid' } } }),
  recalculate: async () => ({ params: { org: ORG }, body: { reason: 'factor library update' } }),
  startImport: async () => ({ params: { org: ORG }, body: { file_name: 'a.csv', content_base64: base64(csv('Unit A', 3)), dry_run: true } }),
  importEvents: async (_w, c) => {
    const r = await c.call<{ job_id?: string }>('startImport', { params: { org: ORG }, body: { file_name: 'a.csv', content_base64: base64(csv('Unit A', 3)), dry_run: true } });
    return { params: { org: ORG, job: r.json?.job_id ?? 'no-job' } };
  },
  listRecords: async () => ({ params: { org: ORG }, query: { scope: 1 } }),
  explainRecord: async (w) => ({ params: { org: ORG, id: w.recordId } }),
  reportingYears: async () => ({ params: { org: ORG } }),
  inventory: async () => ({ params: { org: ORG }, query: { year: '2024' } }),
  exportInventory: async () => ({ params: { org: ORG }, query: { year: '2024', format: 'csv' } }),
  auditLog: async () => ({ params: { org: ORG }, query: { limit: 5 } }),
  verifyAudit: async () => ({ params: { org: ORG } }),
  searchFactors: async () => ({ query: { q: 'natural gas', region: 'US' } }),
  getFactor: async () => ({ params: { id: 'epa-hub-2024/t1/natural-gas/mmBtu' } }),
  calculate: async () => ({ body: { activities: [{ id: 'a', scope: 1, activity: 'fuel.natural-gas', region: 'US', year: 2024, quantity: 1, unit: 'mmBtu' }] } }),
};

async function tenantCounts(server: TestServer, orgId: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TENANT_TABLES) {
    // Counts and a fingerprint of the rows, so an update shows as well as an insert or delete.
    const [row] = await server.database.db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x WHERE org_id = $1`, [orgId]);
    out[t] = `${row?.n}:${row?.h}`;
  }
  return out;
}

describe.each(ENGINES)('access matrix on %s', (engine) => {
  let w: World;
  let alphaId: number;

  beforeAll(async () => {
    const server = await openTestServer(engine);
    const admin = await signedUp(server.app, 'admin@alpha.test');
    await admin.ok('createOrg', { body: { slug: ORG, name: 'Alpha', consolidation: 'operational_control' } });
    await admin.ok('setEntity', { params: { org: ORG }, body: { name: 'Alpha Inc.', country: 'US', from: '2020-01-01', ownership_pct: 100, operational_control: true } });
    await admin.ok('addSite', { params: { org: ORG }, body: { name: 'Alpha Plant', entity: 'Alpha Inc.', country: 'US', grid_region: 'US-RFCE' } });
    for (const u of ['Unit A', 'Unit B']) await admin.ok('addBusinessUnit', { params: { org: ORG }, body: { name: u } });
    const imported = await runImport(admin, ORG, { file_name: 'jan.csv', content_base64: base64(csv('Unit B', 1)) });
    expect(imported.data.status).toBe('imported');
    const clients: Record<string, ApiClient> = { admin };
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      clients[role] = await signedUp(server.app, `${role}@alpha.test`);
      await admin.ok('setMember', { params: { org: ORG }, body: { email: `${role}@alpha.test`, role, business_units: role === 'data_owner' ? ['Unit A'] : [] } });
    }
    await signedUp(server.app, 'guest@example.com');
    const outsider = await signedUp(server.app, 'admin@beta.test');
    await outsider.ok('createOrg', { body: { slug: 'beta', name: 'Beta', consolidation: 'equity_share' } });
    clients.outsider = outsider;
    const page = await admin.ok<{ records: { record_id: number }[] }>('listRecords', { params: { org: ORG } });
    w = { server, clients: clients as World['clients'], recordId: page.records[0]?.record_id ?? 0, batchId: Number(imported.data.batch_id) };
    const [org] = await server.database.db.query<{ org_id: number }>('SELECT org_id FROM organisations WHERE slug = $1', [ORG]);
    alphaId = Number(org?.org_id);
  });
  afterAll(() => w.server.close());

  const names = (Object.keys(SAMPLES) as RouteName[]).filter((n) => SAMPLES[n] !== 'separately');
  let n = 0;

  it.each([...ROLES, 'outsider' as const])('as %s: every endpoint answers by the role table, and refusals change nothing', async (who) => {
    const caller = w.clients[who];
    for (const name of names) {
      const route = routes[name];
      const call = await (SAMPLES[name] as Sample)(w, caller, n++);
      const before = await tenantCounts(w.server, alphaId);
      const r = await caller.call(name, call);
      const access = route.access;
      const orgRoute = access !== 'public' && access !== 'user' && access !== 'calculate';
      const label = `${who} ${name}`;
      if (!orgRoute) {
        expect([label, r.status < 300]).toEqual([label, true]);
      } else if (who === 'outsider') {
        expect([label, r.status, errorOf(r).code]).toEqual([label, 404, 'not_found']);
      } else if (can(who, access as Action)) {
        expect([label, r.status < 300, r.status < 300 ? '' : JSON.stringify(r.json)]).toEqual([label, true, '']);
      } else {
        expect([label, r.status, errorOf(r).code]).toEqual([label, 403, 'forbidden']);
      }
      if (r.status >= 400) expect([label, await tenantCounts(w.server, alphaId)]).toEqual([label, before]);
    }
  });

  it('lets a data owner write only its own business units', async () => {
    const owner = w.clients.data_owner;
    const theirs = await runImport(owner, ORG, { file_name: 'a-feb.csv', content_base64: base64(csv('Unit A', 2)) });
    expect(theirs.data).toMatchObject({ status: 'imported', rows_imported: 1 });
    const before = await tenantCounts(w.server, alphaId);
    const other = await runImport(owner, ORG, { file_name: 'b-feb.csv', content_base64: base64(csv('Unit B', 2)) });
    expect(other.data).toMatchObject({ status: 'rejected', error_count: 1 });
    expect((other.data.errors as { field: string; message: string }[])[0]).toMatchObject({ field: 'business_unit', message: expect.stringContaining('only for your business units (unit a)') });
    expect(await tenantCounts(w.server, alphaId)).toEqual(before);
  });
});
