/**
 * @module db/pglite-database
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a data directory. COPY reads
 * from a Blob, so bulk loads are sent in chunks of a few MB.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Param, Queryable, Row } from './database.js';

const COPY_CHUNK = 8 << 20;
const DATE_OID = 1082;
/** Dates stay ISO strings (YYYY-MM-DD), as with node-postgres: a date has no time zone. */
const OPTIONS = { parsers: { [DATE_OID]: (value: string): string => value } };

class PgliteQueryable implements Queryable {
  constructor(protected readonly pg: PGlite | Transaction) {}

  async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const result = await this.pg.query<T>(sql, params as unknown[]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  async copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    let copied = 0;
    let pending: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const blob = new Blob(pending);
      pending = [];
      size = 0;
      const result = await this.pg.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      copied += result.affectedRows ?? 0;
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= COPY_CHUNK) await flush();
    }
    await flush();
    return copied;
  }
}

export class PgliteDatabase extends PgliteQueryable implements Database {
  readonly engine = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    readonly location: string,
  ) {
    super(db);
  }

  static async open(dataDir: string): Promise<PgliteDatabase> {
    return new PgliteDatabase(await PGlite.create(dataDir, OPTIONS), dataDir);
  }

  /** A throw-away in-memory database (tests). */
  static async memory(): Promise<PgliteDatabase> {
    return new PgliteDatabase(await PGlite.create(OPTIONS), 'memory://');
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new PgliteQueryable(tx)));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
