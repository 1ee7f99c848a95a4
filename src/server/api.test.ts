/**
 * The HTTP API end to end, on PGlite and on PostgreSQL: accounts and sessions with CSRF, an
 * organisation built through the API, an import that fails on a row and then succeeds, the
 * inventory equal to the CLI's, records and their trace, exports, API tokens, the OpenAPI document.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteName } from '../api/contract.js';
import { reportInventory } from '../app/report/report-inventory.js';
import { sqlStores } from '../db/sql-stores.js';
import { ENGINES } from '../test-support/databases.js';
import { ApiClient, base64, errorOf, openTestServer, runImport, signedUp, type TestServer } from '../test-support/test-server.js';

const HEADER = 'source_id,site,business_unit,period_start,period_end,scope,quantity,unit,activity,carrier';
const GAS = 'GAS-1,Philadelphia Plant,Manufacturing,2024-01-01,2024-02-01,1,100,mmBtu,fuel.natural-gas,';
const POWER = (unit: string): string => `ELEC-1,Philadelphia Plant,Manufacturing,2024-01-01,2024-02-01,2,10000,${unit},electricity.grid,electricity`;

describe.each(ENGINES)('HTTP API on %s', (engine) => {
  let server: TestServer;
  let alice: ApiClient;

  beforeAll(async () => {
    server = await openTestServer(engine, { signInLimit: 3 });
    alice = await signedUp(server.app, 'alice@example.com');
  });
  afterAll(() => server.close());

  it('answers 401 with the error shape to anonymous calls of every endpoint but sign-up and sign-in', async () => {
    const anonymous = new ApiClient(server.app);
    for (const name of Object.keys(routes) as RouteName[]) {
      if (name === 'signUp' || name === 'signIn') continue;
      const r = await anonymous.call(name, { params: { org: 'acme', id: '1', job: 'x', name: 'x', batch: '1' }, body: {} });
      expect([name, r.status, errorOf(r).code]).toEqual([name, 401, 'unauthenticated']);
    }
  });

  it('signs up, refuses a second account for the address, signs in, and rate-limits guessing', async () => {
    const dup = await new ApiClient(server.app).call('signUp', { body: { email: 'Alice@example.com', name: 'A', password: 'another long password' } });
    expect([dup.status, errorOf(dup).code]).toEqual([409, 'conflict']);
    const short = await new ApiClient(server.app).call('signUp', { body: { email: 'bob@example.com', name: 'B', password: 'short' } });
    expect(short.status).toBe(400);
    expect(errorOf(short).fields).toEqual([{ path: 'password', message: 'must be at least 10 characters' }]);

    const c = new ApiClient(server.app);
    const wrong = await c.call('signIn', { body: { email: 'alice@example.com', password: 'wrong password!' } });
    expect([wrong.status, errorOf(wrong).code]).toEqual([401, 'unauthenticated']);
    const me = await c.ok<{ user: { email: string } }>('signIn', { body: { email: 'alice@example.com', password: 'correct horse battery' } });
    expect(me.user.email).toBe('alice@example.com');
    expect(c.cookie('cl_session')).toMatch(/^cls_/);
    // The limit (3 a minute in this server) counts every attempt per client and address.
    const third = await c.call('signIn', { body: { email: 'alice@example.com', password: 'wrong password!' } });
    expect(third.status).toBe(401);
    const limited = await c.call('signIn', { body: { email: 'alice@example.com', password: 'correct horse battery' } });
    expect([limited.status, errorOf(limited).code]).toEqual([429, 'rate_limited']);
  });

  it('refuses a mutating request with the session cookie but without the CSRF header', async () => {
    const cookie = `cl_session=${alice.cookie('cl_session')}`;
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie }, payload: { slug: 'x', name: 'X', consolidation: 'equity_share' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf' } });
    const forged = await server.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie, 'x-csrf-token': 'guess' }, payload: {} });
    expect(forged.statusCode).toBe(403);
    // A cross-site HTML form cannot send JSON: sign-in from one (login CSRF) is refused.
    const form = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=alice%40example.com&password=correct+horse+battery' });
    expect([form.statusCode, form.json().error.code]).toEqual([415, 'invalid_input']);
  });

  it('builds an organisation, refuses a file with a bad row naming file, row and field, then imports the fixed file', async () => {
    await alice.ok('createOrg', { body: { slug: 'acme', name: 'Acme Industries', consolidation: 'operational_control' } });
    await alice.ok('setEntity', { params: { org: 'acme' }, body: { name: 'Acme Inc.', country: 'US', from: '2020-01-01', ownership_pct: 100, operational_control: true, financial_control: true } });
    await alice.ok('addSite', { params: { org: 'acme' }, body: { name: 'Philadelphia Plant', entity: 'Acme Inc.', country: 'US', grid_region: 'US-RFCE' } });
    const org = await alice.ok<{ sites: { name: string; market: string }[]; business_units: string[] }>('addBusinessUnit', { params: { org: 'acme' }, body: { name: 'Manufacturing' } });
    expect(org.sites).toEqual([{ name: 'Philadelphia Plant', entity: 'Acme Inc.', country: 'US', grid_region: 'US-RFCE', market: 'US', grid_factor_region: 'US-RFCE' }]);
    expect(org.business_units).toEqual(['Manufacturing']);

    const bad = [HEADER, GAS, POWER('kwh')].join('\n') + '\n';
    const dry = await runImport(alice, 'acme', { file_name: 'january.csv', content_base64: base64(bad), dry_run: true });
    expect(dry.event).toBe('result');
    expect(dry.data).toMatchObject({ status: 'rejected', rows_total: 2, error_count: 1 });
    expect((dry.data.errors as { file: string; row: number; field: string }[])[0]).toMatchObject({ file: 'january.csv', row: 3, field: 'unit' });

    const fixed = [HEADER, GAS, POWER('kWh')].join('\n') + '\n';
    const valid = await runImport(alice, 'acme', { file_name: 'january.csv', content_base64: base64(fixed), dry_run: true });
    expect(valid.data).toMatchObject({ status: 'valid', rows_imported: 2, batch_id: null });
    // A .txt file is read as CSV, as on the command line (docs/import.md).
    expect((await runImport(alice, 'acme', { file_name: 'january.txt', content_base64: base64(fixed), dry_run: true })).data).toMatchObject({ status: 'valid', rows_imported: 2 });
    const done = await runImport(alice, 'acme', { file_name: 'january.csv', content_base64: base64(fixed) });
    expect(done.data).toMatchObject({ status: 'imported', rows_imported: 2, error_count: 0 });
    expect(done.data.calc_version).toEqual(expect.any(Number));

    // With quarantine the bad row is kept apart, and comes back as CSV in the file's own columns, to fix.
    // February's bill (its own source id): a row with an id already in the ledger would have nothing left to fix.
    const february = POWER('kwh').replace('ELEC-1,', 'ELEC-2,');
    const kept = await runImport(alice, 'acme', { file_name: 'february.csv', content_base64: base64([HEADER, february].join('\n') + '\n'), quarantine: true });
    expect(kept.data).toMatchObject({ status: 'imported', rows_imported: 0, rows_quarantined: 1 });
    const csv = await alice.call('exportQuarantined', { params: { org: 'acme', batch: String(kept.data.batch_id) } });
    expect([csv.status, csv.headers['content-type'], csv.headers['content-disposition'], csv.raw.toString()])
      .toEqual([200, 'text/csv; charset=utf-8', `attachment; filename="acme-batch-${String(kept.data.batch_id)}-quarantined.csv"`, `${HEADER}\n${february}\n`]);
  });

  it('reports the same inventory as the command line, Scope 1 from EPA Hub 2024', async () => {
    const inv = await alice.ok<{ totals: Record<string, number>; year: string }>('inventory', { params: { org: 'acme' }, query: { year: '2024' } });
    // EPA GHG Emission Factors Hub 2024, table 1: 100 mmBtu natural gas = 5306 kg CO2 + 0.1 kg CH4 × 28 + 0.01 kg N2O × 265 (AR5).
    expect(inv.totals.scope1_kg).toBe(5311.45);
    expect(inv).toMatchObject({ coverage: { months: 1, previous_months: null, same_months: null } }); // January 2024 only
    const cli = await reportInventory(sqlStores(server.database.db), { org: 'acme', year: '2024' });
    expect(inv).toEqual(JSON.parse(JSON.stringify(cli)));
    expect(await alice.ok('reportingYears', { params: { org: 'acme' } })).toEqual({ years: ['2024'] });
    const org = await sqlStores(server.database.db).org.findOrg('acme');
    const latest = await sqlStores(server.database.db).calc.latestVersion(org?.orgId ?? 0);
    const pinned = await alice.ok<{ calc_version: { id: number } }>('inventory', { params: { org: 'acme' }, query: { year: '2024', calc_version: String(latest?.versionId) } });
    expect(pinned).toEqual(inv);
    const missing = await alice.call('inventory', { params: { org: 'acme' }, query: { calc_version: '999' } });
    expect([missing.status, errorOf(missing).message]).toEqual([404, 'organisation "acme" has no calculation version 999 (see `versions --org acme`)']);
    // A year that is not one is refused with the field named, for a form to show it beside the field.
    const garbled = await alice.call('inventory', { params: { org: 'acme' }, query: { year: 'last year' } });
    expect([garbled.status, errorOf(garbled).fields]).toEqual([400, [{ path: 'year', message: '"last year" is not a reporting year (e.g. 2024 or FY2022)' }]]);
  });

  it('pages records by keyset, filters them like the dashboard, and explains each', async () => {
    const first = await alice.ok<{ records: { record_id: number; co2e_kg: number; file: string; row_number: number }[]; next_after: number | null }>(
      'listRecords', { params: { org: 'acme' }, query: { limit: 1 } });
    expect(first.records).toHaveLength(1);
    expect(first.records[0]).toMatchObject({ co2e_kg: 5311.45, file: 'january.csv', row_number: 2 });
    const second = await alice.ok<typeof first>('listRecords', { params: { org: 'acme' }, query: { limit: 1, after: first.next_after ?? 0 } });
    expect(second.records).toHaveLength(1);
    expect(second.next_after).toBeNull();
    const scope2 = await alice.ok<typeof first>('listRecords', { params: { org: 'acme' }, query: { scope: 2, year: '2024', site: 'Philadelphia Plant' } });
    expect(scope2.records.map((r) => r.row_number)).toEqual([3]);
    const none = await alice.ok<typeof first>('listRecords', { params: { org: 'acme' }, query: { year: '2023' } });
    expect(none.records).toEqual([]);
    // A site the organisation does not have is refused, not answered with no records.
    const typo = await alice.call('listRecords', { params: { org: 'acme' }, query: { site: 'Philadelphia' } });
    expect([typo.status, errorOf(typo).message]).toEqual([400, 'site: acme has no site "Philadelphia" (known: Philadelphia Plant)']);
    expect(errorOf(typo).fields).toEqual([{ path: 'site', message: 'acme has no site "Philadelphia" (known: Philadelphia Plant)' }]);

    const trace = await alice.ok<{ explanation: string; formula: Record<string, unknown>; factor: { id: string; dataset: { version: string } }; checks: unknown[] }>(
      'explainRecord', { params: { org: 'acme', id: first.records[0]?.record_id ?? 0 } });
    expect(trace.factor.id).toBe('epa-hub-2024/t1/natural-gas/mmBtu');
    expect(trace.factor.dataset.version).toMatch(/^2024 edition/);
    // EPA Hub 2024 natural gas per mmBtu: 53.06 kg CO2 + 1 g CH4 × 28 + 0.1 g N2O × 265 (AR5) = 53.1145 kg CO2e.
    expect(trace.formula).toMatchObject({
      quantity: 100, unit: 'mmBtu', conversion: null, factor_unit: 'mmBtu', published_co2e: false, gwp_set: 'AR5', co2e_kg: 5311.45, market: null,
      gases: [{ species: 'CO2', kg: 53.06, gwp: 1 }, { species: 'CH4', kg: 0.001, gwp: 28 }, { species: 'N2O', kg: 0.0001, gwp: 265 }],
    });
    expect(trace.formula.kg_co2e_per_unit).toBeCloseTo(53.1145, 10);
    expect(trace.checks).toEqual([{ code: 'recomputed_equal', kg: 5311.45 }]);
    // How the electricity row's factor was chosen travels as data (the web app words it), with the engine's English beside it.
    const power = await alice.ok<{ formula: { selection: unknown[] } }>('explainRecord', { params: { org: 'acme', id: scope2.records[0]?.record_id ?? 0 } });
    expect(power.formula.selection).toEqual([
      { kind: 'notAfter', region: 'US-RFCE', year: 2024, used: 2022, text: 'no 2024 value for US-RFCE; used 2022, the latest not after 2024' },
    ]);
  });

  it('exports the inventory as XLSX with the same figures', async () => {
    const r = await alice.call('exportInventory', { params: { org: 'acme' }, query: { year: '2024', format: 'xlsx' } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('acme-2024-inventory.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    const values = wb.getWorksheet('Totals')?.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(values).toContain(5.311); // Scope 1 in t, as in the CLI's XLSX
    // The first sheet says what the figures are: the calculation version among them.
    const about = wb.worksheets[0];
    expect([about?.name, about?.getCell('A8').value, about?.getCell('B8').value, about?.getCell('B6').value, about?.getCell('B5').value])
      .toEqual(['Report', 'Calculation version', expect.any(Number), 'operational control', '1 (–)']);
    // And the audit log's head at that moment, which a later check of the chain must still reach.
    const head = (await alice.ok<{ head: { seq: number; hash: string } }>('verifyAudit', { params: { org: 'acme' } })).head;
    expect([about?.getCell('A11').value, about?.getCell('B11').value]).toEqual(['Audit log head (entry:sha256, for audit verify --head)', `${head.seq}:${head.hash}`]);
    const csv = await alice.call('exportInventory', { params: { org: 'acme' }, query: { year: '2024', format: 'csv' } });
    expect(csv.raw.toString('utf8')).toContain('5.311');
  });

  it('lets a script calculate with a calculate-scoped token, and stops a revoked one', async () => {
    const t = await alice.ok<{ id: number; token: string; scopes: string[] }>('createToken', { body: { name: 'ci', org: null, scopes: ['calculate'] } });
    expect(t.token).toMatch(/^clt_/);
    const script = new ApiClient(server.app).withToken(t.token);
    const doc = { gwp: 'AR5', activities: [{ id: 'boiler', scope: 1, activity: 'fuel.natural-gas', region: 'US', year: 2024, quantity: 100, unit: 'mmBtu' }] };
    const out = await script.ok<{ totals: { scope1_kg: number } }>('calculate', { body: doc });
    expect(out.totals.scope1_kg).toBe(5311.45);
    const read = await script.call('inventory', { params: { org: 'acme' } });
    expect(read.status).toBe(404); // a token without an organisation sees none
    const listed = await alice.ok<{ tokens: { id: number; name: string }[] }>('listTokens');
    expect(JSON.stringify(listed)).not.toContain(t.token);
    await alice.ok('revokeToken', { params: { id: t.id } });
    const revoked = await script.call('calculate', { body: doc });
    expect([revoked.status, errorOf(revoked).code]).toEqual([401, 'unauthenticated']);
  });

  it('gives a read-scoped token of an organisation its reports but not imports', async () => {
    const t = await alice.ok<{ token: string }>('createToken', { body: { name: 'dashboard', org: 'acme', scopes: ['read'] } });
    const script = new ApiClient(server.app).withToken(t.token);
    expect((await script.call('inventory', { params: { org: 'acme' }, query: { year: '2024' } })).status).toBe(200);
    const imp = await script.call('startImport', { params: { org: 'acme' }, body: { file_name: 'a.csv', content_base64: '' } });
    expect([imp.status, errorOf(imp).code]).toEqual([403, 'forbidden']);
    const calc = await script.call('calculate', { body: { activities: [] } });
    expect(calc.status).toBe(403);
  });

  it('keeps a token to its organisation: no other organisation of its owner, no token management', async () => {
    await alice.ok('createOrg', { body: { slug: 'acme-two', name: 'Acme Two', consolidation: 'equity_share' } });
    const t = await alice.ok<{ token: string }>('createToken', { body: { name: 'one org', org: 'acme', scopes: ['read', 'calculate'] } });
    const script = new ApiClient(server.app).withToken(t.token);
    const orgs = await script.ok<{ organisations: { slug: string }[] }>('listOrgs');
    expect(orgs.organisations.map((o) => o.slug)).toEqual(['acme']);
    const me = await script.ok<{ memberships: { org: string }[] }>('me');
    expect(me.memberships.map((m) => m.org)).toEqual(['acme']);
    const other = await script.call('inventory', { params: { org: 'acme-two' } });
    expect([other.status, errorOf(other).message]).toEqual([404, 'this API token acts for organisation "acme" only, not "acme-two"']);
    const calcOnly = await alice.ok<{ token: string }>('createToken', { body: { name: 'calc', org: null, scopes: ['calculate'] } });
    const none = await new ApiClient(server.app).withToken(calcOnly.token).call('inventory', { params: { org: 'acme' } });
    expect([none.status, errorOf(none).message]).toEqual([404, 'this API token acts for no organisation (calculations only), not "acme"']);
    for (const name of ['listTokens', 'createToken', 'createOrg'] as const) {
      const r = await script.call(name, { body: { name: 'x', org: null, scopes: ['calculate'], slug: 'x', consolidation: 'equity_share' } });
      expect([name, r.status, errorOf(r).code]).toEqual([name, 403, 'forbidden']);
    }
    expect((await script.call('searchFactors', { query: { q: 'diesel' } })).status).toBe(200);
  });

  it('keeps an organisation from losing its last admin', async () => {
    const r = await alice.call('setMember', { params: { org: 'acme' }, body: { email: 'alice@example.com', role: 'auditor' } });
    expect([r.status, errorOf(r).code]).toEqual([409, 'conflict']);
    const members = await alice.ok<{ members: { email: string; role: string }[] }>('listMembers', { params: { org: 'acme' } });
    expect(members.members).toEqual([expect.objectContaining({ email: 'alice@example.com', role: 'admin' })]);
  });

  it('logs every change in the name of the member or token that made it, for an auditor to read and verify', async () => {
    const bob = await signedUp(server.app, 'bob@example.com');
    await alice.ok('setMember', { params: { org: 'acme' }, body: { email: 'bob@example.com', role: 'auditor' } });
    const t = await alice.ok<{ token: string }>('createToken', { body: { name: 'nightly', org: 'acme', scopes: ['read', 'import'] } });
    const made = await new ApiClient(server.app).withToken(t.token).ok<{ version_id: number }>('recalculate', { params: { org: 'acme' }, body: { reason: 'nightly run' } });
    // Why each version was made, as data for the web app to word, and in English: the imports', then the one asked for.
    const { versions } = await bob.ok<{ versions: { id: number; reason: string; cause: unknown }[] }>('listVersions', { params: { org: 'acme' } });
    expect(versions.map((v) => [v.id, v.reason, v.cause])).toEqual([
      [1, 'import of january.csv (batch 1)', { kind: 'import', file: 'january.csv', batch: 1 }],
      [2, 'import of february.csv (batch 2)', { kind: 'import', file: 'february.csv', batch: 2 }],
      [made.version_id, 'nightly run (by alice@example.com)', { kind: 'request', note: 'nightly run', by: 'alice@example.com' }],
    ]);

    type Page = { entries: { seq: number; actor: string; action: string; summary: string }[]; next_before: number | null };
    const page = await bob.ok<Page>('auditLog', { params: { org: 'acme' }, query: { limit: 500 } });
    const byAction = (action: string) => page.entries.filter((e) => e.action === action).map((e) => e.actor);
    expect(byAction('organisations.insert')).toEqual(['alice@example.com']);
    expect(byAction('sites.insert')).toEqual(['alice@example.com']);
    expect(byAction('import_batches.insert')).toEqual(['alice@example.com', 'alice@example.com']); // january.csv, then february.csv
    expect(byAction('memberships.insert')).toEqual(['alice@example.com', 'alice@example.com']); // bob, then alice herself as the creator
    // A membership is named by its account's e-mail, not by the account's id.
    expect(page.entries.filter((e) => e.action === 'memberships.insert').map((e) => e.summary))
      .toEqual(['added membership bob@example.com (role auditor, business_units [])', 'added membership alice@example.com (role admin, business_units [])']);
    expect(page.entries[0]).toMatchObject({ actor: 'alice@example.com (API token "nightly")', action: 'calc_versions.update' });
    expect(page.entries.find((e) => e.action === 'calc_versions.insert' && e.summary.includes('nightly run'))?.summary)
      .toBe(`added calculation version ${made.version_id} (reason nightly run (by alice@example.com), gwp AR5, consolidation operational_control)`);
    const check = await bob.ok<{ intact: boolean; entries: number; head: { seq: number } }>('verifyAudit', { params: { org: 'acme' } });
    expect(check).toMatchObject({ intact: true, entries: page.entries.length, head: { seq: page.entries[0]?.seq } });
    // Another organisation's log is as invisible as the rest of it.
    expect((await bob.call('auditLog', { params: { org: 'acme-two' } })).status).toBe(404);
  });

  it('says when a factor search lists a fallback region\'s factors for a region the library does not have', async () => {
    type List = { factors: { id: string; region: string }[]; region_fallback: string[] | null };
    const zz = await alice.ok<List>('searchFactors', { query: { q: 'electricity', region: 'ZZ', limit: 1 } });
    expect([zz.factors[0]?.id, zz.region_fallback]).toEqual(['owid-ember-2025/grid-intensity/WORLD/2024', ['WORLD']]);
    expect((await alice.ok<List>('searchFactors', { query: { q: 'electricity', region: 'VN', limit: 1 } })).region_fallback).toBeNull();
  });

  it('refuses ids that are not whole numbers in the path', async () => {
    for (const id of ['1e0', '99999999999999999999', '-1', 'abc']) {
      const r = await alice.call('explainRecord', { params: { org: 'acme', id } });
      expect([id, r.status, errorOf(r).code]).toEqual([id, 400, 'invalid_input']);
      const t = await alice.call('revokeToken', { params: { id } });
      expect([id, t.status]).toEqual([id, 400]);
    }
  });

  it('publishes an OpenAPI 3.1 document with every endpoint and the error shape', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: { Error: object } } };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId)).sort();
    expect(ops).toEqual(Object.keys(routes).sort());
    expect(doc.paths['/api/v1/orgs/{org}/records']?.get).toMatchObject({ parameters: expect.arrayContaining([expect.objectContaining({ name: 'after', in: 'query' })]) });
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: expect.any(Object) } });
  });
});
