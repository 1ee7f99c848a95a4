import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvNumber, csvRow, csvText } from './database.js';
import { migrate, migrationFiles } from './migrate.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../test-support/databases.js';

// One storage contract, run unchanged on PGlite and on PostgreSQL.
describe.each(ENGINES)('storage contract on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('applies every migration once and records it', async () => {
    const recorded = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(recorded.map((r) => r.name)).toEqual(migrationFiles());
    expect(await migrate(t.db)).toEqual([]);
  });

  it('keeps the organisation id first in the primary key of every tenant table', async () => {
    const rows = await t.db.query<{ table_name: string; column_name: string }>(`
      SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' AND kcu.ordinal_position = 1
        AND tc.table_name NOT IN ('schema_migrations', 'users', 'sessions', 'api_tokens')`);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect([r.table_name, r.column_name]).toEqual([r.table_name, 'org_id']);
  });

  it('has row-level security on every tenant table (all with org_id but the account tables)', async () => {
    const rows = await t.db.query<{ table_name: string; rls: boolean }>(`
      SELECT c.relname AS table_name, c.relrowsecurity AS rls FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
        AND c.relname NOT IN ('memberships', 'api_tokens')`);
    expect(rows.length).toBe(17);
    for (const r of rows) expect([r.table_name, r.rls]).toEqual([r.table_name, true]);
  });

  it('runs parameterised queries and returns bigints as numbers', async () => {
    const [org] = await t.db.query<{ org_id: number }>(
      `INSERT INTO organisations (slug, name, consolidation) VALUES ($1, $2, $3) RETURNING org_id`, ['contract', 'Contract', 'equity_share']);
    expect(typeof org?.org_id).toBe('number');
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations WHERE slug = $1', ['contract']);
    expect(row?.n).toBe(1);
  });

  it('rolls a transaction back when it throws, and commits when it resolves', async () => {
    await expect(t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (slug, name, consolidation) VALUES ('rolled-back', 'X', 'equity_share')`);
      throw new Error('crash');
    })).rejects.toThrow('crash');
    await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (slug, name, consolidation) VALUES ('committed', 'Y', 'equity_share')`);
    });
    const slugs = (await t.db.query<{ slug: string }>('SELECT slug FROM organisations ORDER BY slug')).map((r) => r.slug);
    expect(slugs).toContain('committed');
    expect(slugs).not.toContain('rolled-back');
  });

  it('bulk-loads with COPY, quoting text, inside a transaction too', async () => {
    const [org] = await t.db.query<{ org_id: number }>(`SELECT org_id FROM organisations WHERE slug = 'contract'`);
    const orgId = org?.org_id as number;
    const rows = Array.from({ length: 2500 }, (_, i) => csvRow([orgId, `metric "${i}", with comma`, '2024-01-01', '2024-02-01', i * 1.5, 'USD']));
    const copied = await t.db.transaction((tx) => tx.copyFrom('org_metrics', ['org_id', 'metric', 'period_start', 'period_end', 'value', 'unit'], rows));
    expect(copied).toBe(2500);
    const [last] = await t.db.query<{ metric: string; value: number }>(`SELECT metric, value FROM org_metrics WHERE org_id = $1 ORDER BY value DESC LIMIT 1`, [orgId]);
    expect(last).toEqual({ metric: 'metric "2499", with comma', value: 3748.5 });
  });

  it('COPY reads back what csvText and csvNumber wrote: quotes, commas, newlines, the empty string apart from NULL', async () => {
    const texts = ['a"b', 'x,y', 'line\nbreak', 'cr\rhere', '', null, ' padded ', '"'];
    const numbers = [0, -1.5, 1e-7, null, 123456789.125, null, 2, 3];
    const csv = texts.map((v, i) => `${i},${csvText(v)},${csvNumber(numbers[i] ?? null)}\n`);
    const back = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE csv_round_trip (i int, t text, n double precision) ON COMMIT DROP');
      await tx.copyFrom('csv_round_trip', ['i', 't', 'n'], csv);
      return tx.query<{ t: string | null; n: number | null }>('SELECT t, n FROM csv_round_trip ORDER BY i');
    });
    expect(back.map((r) => r.t)).toEqual(texts);
    expect(back.map((r) => (r.n === null ? null : Number(r.n)))).toEqual(numbers);
  });

  it('gives PostgreSQL\'s error fields, and a statement outside a transaction never runs inside another', async () => {
    const error = await t.db.query(`INSERT INTO organisations (slug, name, consolidation) VALUES ('committed', 'Z', 'equity_share')`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'organisations_slug_key' });
    let outside: Promise<unknown> = Promise.resolve();
    await expect(t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (slug, name, consolidation) VALUES ('in-tx', 'X', 'equity_share')`);
      // Issued while the transaction is open: on PGlite's one connection it waits for the end.
      outside = t.db.query(`INSERT INTO organisations (slug, name, consolidation) VALUES ('outside', 'X', 'equity_share')`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    await outside;
    const slugs = (await t.db.query<{ slug: string }>(`SELECT slug FROM organisations WHERE slug IN ('in-tx', 'outside')`)).map((r) => r.slug);
    expect(slugs).toEqual(['outside']);
  });
});
