/**
 * @module db/audit-actor
 * Who the audit log names (migrations/0009 reads the setting carbon_ledger.actor): for a whole
 * connection (a CLI process) or for one transaction (an API request, in the caller's name).
 */
import type { Queryable } from './database.js';

export const ACTOR_SETTING = 'carbon_ledger.actor';

export async function setSessionActor(db: Queryable, actor: string): Promise<void> {
  await db.query('SELECT set_config($1, $2, false)', [ACTOR_SETTING, actor]);
}

export async function setTransactionActor(tx: Queryable, actor: string): Promise<void> {
  await tx.query('SELECT set_config($1, $2, true)', [ACTOR_SETTING, actor]);
}
