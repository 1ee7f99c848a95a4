/**
 * @module library/csv
 * Reading the shipped CSV files. Every loader goes through here so that a renamed column or a
 * malformed number fails loudly at load time instead of producing a silently wrong factor.

 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export type CsvRow = Readonly<Record<string, string>>;

export class LibraryDataError extends Error {
  override readonly name = 'LibraryDataError';
}

/** Records of a CSV text (RFC 4180 via PapaParse); a leading BOM and blank lines are dropped. */
export function parseCsvText(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { delimiter: ',', skipEmptyLines: true });
  const bad = parsed.errors[0];
  if (bad !== undefined) throw new LibraryDataError(`malformed CSV, record ${(bad.row ?? 0) + 1}: ${bad.message}`);
  return parsed.data;
}

/** Rows of `relativePath` under `dataDir`, keyed by header; throws if a column is missing. */
export function readCsv(dataDir: string, relativePath: string, columns: readonly string[]): CsvRow[] {
  const [header = [], ...records] = parseCsvText(readFileSync(join(dataDir, relativePath), 'utf8'));
  for (const column of columns) {
    if (!header.includes(column)) throw new LibraryDataError(`${relativePath}: missing column "${column}"`);
  }
  return records.map((record, n) => {
    if (record.length !== header.length) {
      throw new LibraryDataError(`${relativePath}: record ${n + 1} has ${record.length} fields, the header ${header.length}`);
    }
    const row: Record<string, string> = {};
    header.forEach((column, k) => (row[column] = record[k] as string));
    return row;
  });
}

/** The text of a cell; the column was checked by readCsv, so a gap means a mistyped name. */
export function cell(row: CsvRow, column: string): string {
  const value = row[column];
  if (value === undefined) throw new LibraryDataError(`row has no "${column}" cell`);
  return value;
}

/** A published number, or null where the source prints none (empty, `NA`, `N/A`). Never 0 for a gap. */
export function numberOrNull(row: CsvRow, column: string): number | null {
  const text = cell(row, column).trim();
  if (text === '' || text === 'NA' || text === 'N/A') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new LibraryDataError(`"${column}" = "${text}" is not a number`);
  return value;
}
