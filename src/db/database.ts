/**
 * @module db/database
 * The storage contract: one PostgreSQL dialect, two engines. `openDatabase` returns PGlite in a
 * data directory by default, or a real PostgreSQL server when DATABASE_URL is set. Everything above
 * this module talks to `Database`, never to a driver; the contract test suite (database.test.ts)
 * runs unchanged against both (src/db/database.test.ts).
 */

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | Date | bigint;

export interface Queryable {
  /** Runs one parameterised statement ($1, $2…) and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Runs one or more statements without parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with COPY … FROM STDIN (CSV). `chunks` yields CSV text of whole rows, no header.
   * Returns the number of rows copied.
   */
  copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
}

export interface Database extends Queryable {
  /** `pglite` (embedded, in a data directory) or `postgres` (a server). */
  readonly engine: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a redacted URL. */
  readonly location: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Quotes a CSV field for COPY … CSV (NULL is the empty unquoted field). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? csvText(value) : String(value);
}

/** A text field for COPY … CSV, null as NULL: what `csvField` does, for a field known to be text or null. */
export const csvText = (value: string | null): string =>
  value === null ? '' : value === '' || NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** A number field for COPY … CSV, null as NULL. */
export const csvNumber = (value: number | null): string => (value === null ? '' : String(value));

const NEEDS_QUOTES = /[",\n\r]/;

/** A CSV row from fields. */
export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i]);
  return line + '\n';
}
