/**
 * @module db/tenant-database
 * One organisation's view of the database: every statement runs in a transaction as the role
 * carbon_ledger_tenant with carbon_ledger.org_id set, so PostgreSQL's row-level security policies
 * (migrations/0005) hide and refuse every other organisation's rows, whatever the SQL above says.
 * The HTTP API gives organisation-scoped use cases this database, never the owner's.
 *
 * COPY FROM is not allowed on tables with row-level security, so bulk loads go through a
 * temporary table and one INSERT … SELECT, which the policies check row by row. PGlite reads COPY
 * data from a virtual file, which only the owner may do, so there the copy into the temporary
 * table (and only that) runs as the owner.
 */
import { setTransactionActor } from './audit-actor.js';
import type { Database, Param, Queryable, Row } from './database.js';

export const TENANT_ROLE = 'carbon_ledger_tenant';

/**
 * The organisation setting and the role, both for this transaction only, and the actor the audit
 * log names for its changes (migrations/0009) when one is given.
 */
async function enter(tx: Queryable, orgId: number, actor: string | undefined): Promise<void> {
  if (!Number.isSafeInteger(orgId)) throw new Error(`organisation id ${orgId} is not an integer`);
  await tx.exec(`SELECT set_config('carbon_ledger.org_id', '${orgId}', true); SET LOCAL ROLE ${TENANT_ROLE}`);
  if (actor !== undefined) await setTransactionActor(tx, actor);
}

let tempSeq = 0;

class TenantQueryable implements Queryable {
  constructor(private readonly tx: Queryable, private readonly engine: Database['engine']) {}

  query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.tx.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.tx.exec(sql);
  }

  async copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    const temp = `tenant_copy_${++tempSeq}`;
    const cols = columns.join(', ');
    await this.tx.exec(`CREATE TEMPORARY TABLE ${temp} ON COMMIT DROP AS SELECT ${cols} FROM ${table} WITH NO DATA`);
    if (this.engine === 'pglite') await this.tx.exec('RESET ROLE');
    const copied = await this.tx.copyFrom(temp, columns, chunks);
    if (this.engine === 'pglite') await this.tx.exec(`SET LOCAL ROLE ${TENANT_ROLE}`);
    await this.tx.exec(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${temp}; DROP TABLE ${temp}`);
    return copied;
  }
}

export class TenantDatabase implements Database {
  readonly engine: Database['engine'];
  readonly location: string;

  constructor(private readonly db: Database, readonly orgId: number, private readonly actor?: string) {
    this.engine = db.engine;
    this.location = db.location;
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await enter(tx, this.orgId, this.actor);
      return fn(new TenantQueryable(tx, this.engine));
    });
  }

  query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.transaction((tx) => tx.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.transaction((tx) => tx.exec(sql));
  }

  copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    return this.transaction((tx) => tx.copyFrom(table, columns, chunks));
  }

  /** The owner's database stays open: a tenant view is one request's, not the server's. */
  async close(): Promise<void> {}
}

let savepointSeq = 0;

/**
 * Runs `fn` in ONE transaction in the organisation's scope: every statement `fn` makes through the
 * database it is given joins that transaction, and a nested `transaction` becomes a savepoint (kept
 * when it resolves, rolled back when it throws). An API request runs this way: a handful of
 * statements cost one BEGIN … COMMIT and one scope change, and the request is all or nothing.
 */
export function inTenantTransaction<T>(db: Database, orgId: number, fn: (scoped: Database) => Promise<T>, actor?: string): Promise<T> {
  return db.transaction(async (tx) => {
    await enter(tx, orgId, actor);
    const q = new TenantQueryable(tx, db.engine);
    const scoped: Database = {
      engine: db.engine,
      location: db.location,
      query: (sql, params) => q.query(sql, params),
      exec: (sql) => q.exec(sql),
      copyFrom: (table, columns, chunks) => q.copyFrom(table, columns, chunks),
      transaction: async (work) => {
        const name = `tenant_sp_${++savepointSeq}`;
        await tx.exec(`SAVEPOINT ${name}`);
        try {
          const result = await work(q);
          await tx.exec(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (e) {
          await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
          throw e;
        }
      },
      close: async () => undefined,
    };
    return fn(scoped);
  });
}
