/**
 * @module import/read-xlsx
 * The first worksheet of an XLSX workbook through exceljs's streaming WorkbookReader; its first
 * row is the header. Rows keep the sheet's own numbers. Shared strings and styles are cached by
 * exceljs (styles are what tell a date cell from a number), so memory grows with the distinct
 * strings of the workbook, not with its rows.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { headerKey, rowCells, type Cell, type SourceRow } from './canonical-fields.js';

export async function* readXlsx(input: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      let headers: string[] | null = null;
      let keys: string[] = [];
      for await (const r of sheet) {
        const values = (r.values as unknown[]).slice(1).map(cellOf);
        if (headers === null) {
          headers = values.map((v) => (v === null ? '' : String(v instanceof Date ? v.toISOString().slice(0, 10) : v)));
          keys = headers.map(headerKey);
          continue;
        }
        if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
        yield { row: r.number, label: 'row', headers, ...rowCells(keys, values) };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

/** A cell's value: formulas give their result, rich text its text, hyperlinks their label. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ('result' in o) return cellOf(o.result);
  if (o.richText !== undefined) return o.richText.map((t) => t.text).join('');
  if (o.text !== undefined) return cellOf(o.text);
  if (o.error !== undefined) return o.error;
  return String(v);
}
