/**
 * @module db/open-database
 * Chooses the engine: DATABASE_URL=postgres://… selects a PostgreSQL server, otherwise PGlite in
 * `dataDir` (default ./.carbon-ledger). Migrations are applied on open.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';

export const DEFAULT_DATA_DIR = '.carbon-ledger';

export interface OpenOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** Who the audit log names for changes made through this database (none: the database user). */
  readonly actor?: string;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  let db: Database;
  if (url !== undefined && url !== '') {
    db = await PostgresDatabase.open(url, options.actor);
  } else {
    const dir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    mkdirSync(dir, { recursive: true });
    db = await PgliteDatabase.open(dir, options.actor);
  }
  await migrate(db);
  return db;
}
