/**
 * @module import/read-rows
 * Chooses the reader from the file name: .csv/.txt → CSV, .xlsx → XLSX, .json → a JSON array or
 * NDJSON (whichever the first character says), .ndjson/.jsonl → NDJSON. Rows come in batches, so
 * that a file of millions of rows costs one await per batch, not per row.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../app-error.js';
import type { SourceRow } from './canonical-fields.js';
import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { IMPORT_EXTENSIONS_TEXT, sourceFormatOf, type SourceFormat } from './file-types.js';
import { readXlsx } from './read-xlsx.js';

export type { SourceFormat };

export function formatOf(fileName: string): SourceFormat {
  const format = sourceFormatOf(fileName);
  if (format === null) throw new AppError('invalid_input', `${fileName}: unknown file type (expected ${IMPORT_EXTENSIONS_TEXT})`);
  return format;
}

export function readRows(format: SourceFormat, input: Readable): AsyncGenerator<SourceRow[]> {
  if (format === 'csv') return readCsv(input);
  return inBatches(format === 'xlsx' ? readXlsx(input) : readJson(input));
}

const BATCH = 1000;

async function* inBatches(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
