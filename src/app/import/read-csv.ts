/**
 * @module import/read-csv
 * CSV rows through csv-parse's streaming parser: memory holds one chunk and one record, whatever
 * the file size. Row numbers are those a spreadsheet shows (header = row 1), blank lines included.
 */
import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { headerKey, rowCells, SourceError, type SourceRow } from './canonical-fields.js';

export async function* readCsv(input: Readable): AsyncGenerator<SourceRow> {
  const parser = parse({ bom: true, relax_column_count: true });
  // pipeline destroys the parser with the input's error, so a read failure ends the loop below.
  pipeline(input, parser, () => undefined);
  let headers: string[] | null = null;
  let keys: string[] = [];
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (headers === null) {
        headers = record;
        keys = record.map(headerKey);
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue;
      yield { row, label: 'row', headers, ...rowCells(keys, record) };
    }
  } catch (e) {
    if (e instanceof Error && (e as { code?: string }).code?.startsWith('CSV_') === true) {
      throw new SourceError(row + 1, 'row', `malformed CSV: ${e.message}`);
    }
    throw e;
  }
}
