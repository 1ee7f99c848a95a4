/**
 * @module cli/ledger-context
 * Opens the ledger for a command: PGlite in --data-dir (default ./.carbon-ledger), or PostgreSQL
 * when DATABASE_URL is set; migrations applied; closed when the command ends.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { pathId } from '../api/schemas.js';
import { AppError } from '../app/app-error.js';
import type { Database } from '../db/database.js';
import { DEFAULT_DATA_DIR, openDatabase } from '../db/open-database.js';

export interface LedgerFlags {
  readonly dataDir?: string;
}

/** Adds the --data-dir option every ledger command shares. */
export function withDataDir(command: Command): Command {
  return command.option('--data-dir <dir>', `embedded database directory (ignored when DATABASE_URL is set)`, DEFAULT_DATA_DIR);
}

/** Who the audit log names for the changes a command makes: the user running it. */
export const cliActor = (): string => process.env.USER ?? userInfo().username;

export async function withLedger<T>(flags: LedgerFlags, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: flags.dataDir, actor: cliActor() });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A `--calc-version` value: a positive integer. */
export function calcVersionFlag(text: string): number {
  const id = pathId.safeParse(text);
  if (id.success) return id.data;
  throw new AppError('invalid_input', `--calc-version "${text}" is not a version id (a positive integer; see \`versions --org\`)`);
}
