/**
 * @module import/canonical-fields
 * The canonical columns of each import kind (docs/import.md). Every source file is mapped onto
 * these names before validation, so validation knows one vocabulary only.
 */

export const IMPORT_KINDS = ['activities', 'instruments', 'metrics'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const CANONICAL_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  activities: [
    'source_id', 'site', 'business_unit', 'period_start', 'period_end', 'period', 'scope', 'category', 'method',
    'quantity', 'unit', 'price_year', 'factor', 'activity', 'carrier', 'supplier',
  ],
  // Same meaning as the calc format's instruments (docs/calc-format.md).
  instruments: ['id', 'kind', 'market', 'quantity', 'unit', 'co2e', 'co2e_unit', 'vintage', 'supplier', 'serial', 'retired'],
  metrics: ['metric', 'period_start', 'period_end', 'period', 'value', 'unit'],
};

/** A cell as a reader delivers it: CSV gives text, XLSX numbers and dates, JSON numbers and booleans. */
export type Cell = string | number | boolean | Date | null;

/** How a format numbers its rows in messages: spreadsheet rows, NDJSON lines, JSON array items. */
export type RowLabel = 'row' | 'line' | 'item';

/** One source row: values by normalised header (see `headerKey`), with its row number. */
export interface SourceRow {
  /** Spreadsheet row (header = 1), NDJSON line, or JSON array item (1-based). */
  readonly row: number;
  readonly label: RowLabel;
  readonly cells: Readonly<Record<string, Cell>>;
  /** The headers of this row as written in the file (for messages and quarantine). */
  readonly headers: readonly string[];
  /** A problem with the row as a whole (too many fields, not a JSON object…). */
  readonly problem?: string;
}

/** A file that cannot be read past `row` (malformed CSV, broken JSON): nothing is imported. */
export class SourceError extends Error {
  constructor(
    readonly row: number,
    readonly label: RowLabel,
    message: string,
  ) {
    super(message);
  }
}

/** Headers match case-insensitively and ignoring surrounding blanks: `" kWh "` is `kwh`. */
export const headerKey = (header: string): string => header.trim().toLowerCase();

export const isBlank = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && (cell.length === 0 || (!visibleAscii(cell.charCodeAt(0)) && cell.trim() === '')));

/** A printable ASCII character other than the space: a string starting with one is not blank (no trim needed). */
const visibleAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/**
 * A data row's cells by header key, and what is wrong with its shape: a value beyond the header's
 * columns, or a value under a blank header (either would be dropped without a word).
 */
export function rowCells(keys: readonly string[], values: readonly Cell[]): { cells: Record<string, Cell>; problem?: string } {
  const cells: Record<string, Cell> = {};
  let unheaded = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = values[i] ?? null;
    if (key !== '') cells[key] = value;
    else if (unheaded < 0 && !isBlank(value)) unheaded = i;
  }
  for (let i = keys.length; i < values.length; i++) {
    if (!isBlank(values[i])) return { cells, problem: `has ${values.length} fields, the header has ${keys.length}` };
  }
  if (unheaded >= 0) return { cells, problem: `column ${unheaded + 1} has a value but no header` };
  return { cells };
}
