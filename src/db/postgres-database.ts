/**
 * @module db/postgres-database
 * The production engine: a PostgreSQL server through node-postgres, COPY through pg-copy-streams.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { ACTOR_SETTING } from './audit-actor.js';
import type { Database, Param, Queryable, Row } from './database.js';

// Numeric and bigint columns come back as JS numbers: ids and kg values stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Dates stay ISO strings (YYYY-MM-DD): a date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

class PgQueryable implements Queryable {
  constructor(protected readonly client: pg.Pool | pg.PoolClient) {}

  async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const result = await this.client.query<T>(sql, params as unknown[]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    const run = async (client: pg.PoolClient): Promise<number> => {
      const stream = client.query(copyFromStream(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(chunks), stream);
      return Number(stream.rowCount ?? 0);
    };
    if (this.client instanceof pg.Pool) {
      const client = await this.client.connect();
      try {
        return await run(client);
      } finally {
        client.release();
      }
    }
    return run(this.client);
  }
}

export class PostgresDatabase extends PgQueryable implements Database {
  readonly engine = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    super(pool);
  }

  /** `actor` is who the audit log names for this process's changes (migrations/0009). */
  static async open(url: string, actor?: string): Promise<PostgresDatabase> {
    // The actor is a setting of every connection, given when it starts (libpq's `options`: spaces
    // and backslashes escaped by a backslash).
    const options = actor === undefined ? {} : { options: `-c ${ACTOR_SETTING}=${actor.replace(/[\\ ]/g, (c) => `\\${c}`)}` };
    const pool = new pg.Pool({ connectionString: url, max: 4, ...options });
    // An idle connection closed by the server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    await pool.query('SELECT 1');
    return new PostgresDatabase(pool, url.replace(/\/\/[^@/]*@/, '//***@'));
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
