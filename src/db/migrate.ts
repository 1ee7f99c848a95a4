/**
 * @module db/migrate
 * Plain SQL migrations from migrations/ at the package root, applied in name
 * order, each in its own transaction and recorded in schema_migrations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** migrations/ at the package root: two levels above both src/db/migrate.ts and dist/db/migrate.js. */
const DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export function migrationFiles(dir = DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
}

/** Applies every migration not yet recorded; returns the names applied now. */
export async function migrate(db: Database, dir = DIR): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const name of migrationFiles(dir)) {
    if (done.has(name)) continue;
    const sql = readFileSync(`${dir}${name}`, 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}
