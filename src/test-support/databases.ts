/**
 * The two engines the storage contract runs on: PGlite in memory, and the machine's PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) in a fresh database per suite.
 */
import pg from 'pg';
import { setSessionActor } from '../db/audit-actor.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { PgliteDatabase } from '../db/pglite-database.js';
import { PostgresDatabase } from '../db/postgres-database.js';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly db: Database;
  readonly url: string | null;
  dispose(): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

let counter = 0;

/** `actor`: who the audit log names for the changes made through it (every connection). */
export async function openTestDatabase(engine: Engine, options: { readonly actor?: string } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await PgliteDatabase.memory();
    if (options.actor !== undefined) await setSessionActor(db, options.actor);
    await migrate(db);
    return { db, url: null, dispose: () => db.close() };
  }
  const name = `carbon_ledger_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await PostgresDatabase.open(url, options.actor);
  await migrate(db);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];
