/**
 * Row-level security, the second wall: whatever SQL runs in one organisation's scope, the other
 * organisation's rows are invisible and cannot be written, on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlOrgStore } from './sql-org-store.js';
import { TenantDatabase } from './tenant-database.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../test-support/databases.js';

describe.each(ENGINES)('tenant scope on %s', (engine) => {
  let t: TestDatabase;
  let a: number;
  let b: number;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const orgs = new SqlOrgStore(t.db);
    a = (await orgs.createOrg({ slug: 'a', name: 'A', consolidation: 'equity_share', yearStartMonth: 1, currency: 'USD' })).orgId;
    b = (await orgs.createOrg({ slug: 'b', name: 'B', consolidation: 'equity_share', yearStartMonth: 1, currency: 'USD' })).orgId;
    await orgs.upsertUnit(a, 'A only');
    await orgs.upsertUnit(b, 'B only');
  });
  afterAll(() => t.dispose());

  it('sees only its own rows, even when the SQL asks for another organisation', async () => {
    const inB = new TenantDatabase(t.db, b);
    expect(await inB.query('SELECT name FROM business_units')).toEqual([{ name: 'B only' }]);
    expect(await inB.query('SELECT name FROM business_units WHERE org_id = $1', [a])).toEqual([]);
    expect(await inB.query('SELECT slug FROM organisations')).toEqual([{ slug: 'b' }]);
  });

  it('cannot insert, update or delete another organisation\'s rows', async () => {
    const inB = new TenantDatabase(t.db, b);
    await expect(inB.query("INSERT INTO business_units (org_id, name) VALUES ($1, 'planted')", [a])).rejects.toThrow(/row-level security/);
    expect(await inB.query("UPDATE organisations SET name = 'taken' WHERE org_id = $1 RETURNING org_id", [a])).toEqual([]);
    expect(await inB.query('DELETE FROM business_units WHERE org_id = $1 RETURNING unit_id', [a])).toEqual([]);
    await expect(inB.copyFrom('business_units', ['org_id', 'name'], [`${a},copied\n`])).rejects.toThrow(/row-level security/);
    expect(await t.db.query('SELECT name FROM business_units WHERE org_id = $1', [a])).toEqual([{ name: 'A only' }]);
    expect(await t.db.query('SELECT name FROM organisations WHERE org_id = $1', [a])).toEqual([{ name: 'A' }]);
  });

  it('cannot rewrite its own history: results and records are append-only', async () => {
    const inA = new TenantDatabase(t.db, a);
    await expect(inA.query('UPDATE activity_records SET quantity = 0')).rejects.toThrow(/permission denied/);
    await expect(inA.query('DELETE FROM results')).rejects.toThrow(/permission denied/);
    await expect(inA.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(inA.query('UPDATE version_result_sources SET source_version_id = 0')).rejects.toThrow(/permission denied/);
  });

  it('reads a version\'s results through its sources only within its own organisation', async () => {
    const [row] = await t.db.query<{ version_id: number }>(`INSERT INTO calc_versions (org_id, version_id, reason, gwp, library_hash, inputs_hash, consolidation, records)
      VALUES ($1, 1, 'test', 'AR5', '-', '-', 'equity_share', 1) RETURNING version_id`, [a]);
    const v = Number(row?.version_id);
    await t.db.query(`INSERT INTO version_result_sources VALUES ($1, $2, 0, NULL, $2)`, [a, v]);
    await t.db.query(`INSERT INTO results (org_id, version_id, record_id, co2e_kg, biogenic_co2_kg, factor_id) VALUES ($1, $2, 7, 1.5, 0, 'f')`, [a, v]);
    const sql = 'SELECT record_id::int, co2e_kg FROM version_results WHERE version_id = $1';
    expect(await new TenantDatabase(t.db, a).query(sql, [v])).toEqual([{ record_id: 7, co2e_kg: 1.5 }]);
    expect(await new TenantDatabase(t.db, b).query(sql, [v])).toEqual([]);
  });

  it('may refresh the planner\'s statistics after its own large import, though it owns no table', async () => {
    // A table its caller does not own is skipped with a mere warning: the effect is what shows it ran.
    const counted = async () => Number((await t.db.query<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE oid = 'activity_records'::regclass`))[0]?.n);
    expect(await counted()).toBe(-1); // never analyzed
    expect(await new TenantDatabase(t.db, a).query('SELECT refresh_ledger_statistics(1000000) AS analyzed')).toEqual([{ analyzed: true }]);
    expect(await counted()).toBe(0);
  });

  it('sees nothing when no organisation is set', async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.exec(`SELECT set_config('carbon_ledger.org_id', '', true); SET LOCAL ROLE carbon_ledger_tenant`);
      return tx.query('SELECT name FROM business_units');
    });
    expect(rows).toEqual([]);
  });

  it('cannot reach the account tables at all', async () => {
    await expect(new TenantDatabase(t.db, b).query('SELECT * FROM users')).rejects.toThrow(/permission denied/);
    await expect(new TenantDatabase(t.db, b).query('SELECT * FROM sessions')).rejects.toThrow(/permission denied/);
  });

  it('bulk-loads its own rows through the checked path', async () => {
    const inA = new TenantDatabase(t.db, a);
    expect(await inA.copyFrom('business_units', ['org_id', 'name'], [`${a},bulk 1\n${a},bulk 2\n`])).toBe(2);
    expect((await inA.query<{ name: string }>('SELECT name FROM business_units ORDER BY name')).map((r) => r.name)).toEqual(['A only', 'bulk 1', 'bulk 2']);
  });
});
