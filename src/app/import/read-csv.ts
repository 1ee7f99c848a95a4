/**
 * @module import/read-csv
 * CSV rows, streamed: the bytes are decoded as UTF-8 (a leading BOM dropped), cut after the last
 * record that ends in the text so far — a newline outside quotes — and each such run of whole
 * records is parsed by PapaParse (RFC 4180: quotes, doubled quotes, newlines inside quotes). Memory
 * holds one input chunk of records, whatever the file size. Row numbers are those a spreadsheet
 * shows (header = row 1), blank lines included. Rows come in batches, one per run of records.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { headerKey, isBlank, rowCells, SourceError, type SourceRow } from './canonical-fields.js';

/** A quoted field longer than this is taken for a quote that was never closed. */
const MAX_RECORD_CHARS = 16 << 20;

export async function* readCsv(input: Readable): AsyncGenerator<SourceRow[]> {
  const decoder = new StringDecoder('utf8');
  const records = new Records();
  let pending = '';
  let first = true;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    pending += decoder.write(chunk);
    if (first) {
      if (pending.length === 0) continue;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      first = false;
    }
    const cut = records.lastRecordEnd(pending);
    if (cut < 0) {
      if (pending.length > MAX_RECORD_CHARS) throw new SourceError(records.row + 1, 'row', 'malformed CSV: a quoted field is never closed');
      continue;
    }
    const batch = records.parse(pending.slice(0, cut + 1), true);
    pending = pending.slice(cut + 1);
    if (batch.length > 0) yield batch;
  }
  pending += decoder.end();
  if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  if (pending.length > 0) {
    const batch = records.parse(pending, false);
    if (batch.length > 0) yield batch;
  }
}

/** The records read so far: the header, the row count and the file's newline. */
class Records {
  row = 0;
  private headers: string[] | null = null;
  private keys: string[] = [];
  private newline: '\r\n' | '\n' | '\r' | null = null;

  /**
   * Index of the last character of the newline ending the last whole record in `text`, or -1.
   * A newline inside a quoted field ends no record. As in PapaParse, a quote opens a quoted
   * field only at the start of a field, and a doubled quote inside one is a quote character.
   */
  lastRecordEnd(text: string): number {
    this.newline ??= newlineOf(text);
    const nl = this.newline;
    if (nl === null) return -1;
    let end = -1;
    let from = 0; // text[from…] is outside quotes
    let next = text.indexOf(nl); // the first newline not yet passed
    for (let quote = text.indexOf('"'); ; quote = text.indexOf('"', quote + 1)) {
      if (quote >= 0 && !startsField(text, quote)) continue; // a quote inside an unquoted field is a character
      const outsideUntil = quote < 0 ? text.length : quote;
      if (next >= 0 && next < from) next = text.indexOf(nl, from);
      for (; next >= 0 && next + nl.length <= outsideUntil; next = text.indexOf(nl, next + nl.length)) end = next + nl.length - 1;
      if (quote < 0) return end;
      let closing = text.indexOf('"', quote + 1);
      while (closing >= 0 && text.charCodeAt(closing + 1) === QUOTE) closing = text.indexOf('"', closing + 2);
      if (closing < 0 || closing + 1 >= text.length) return end; // still inside quotes, or cannot tell yet
      from = closing + 1;
      quote = closing;
    }
  }

  /** Rows of `text`, whole records; `terminated`: it ends with a newline (which ends the last one). */
  parse(text: string, terminated: boolean): SourceRow[] {
    const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: this.newline ?? '\n', quoteChar: '"', escapeChar: '"' });
    const bad = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
    if (bad !== undefined) throw new SourceError(this.row + (bad.row ?? 0) + 1, 'row', `malformed CSV: ${bad.message}`);
    const data = parsed.data;
    if (terminated && (data[data.length - 1] ?? []).join('') !== '') {
      throw new SourceError(this.row + data.length, 'row', 'malformed CSV: lines do not all end the same way (mixed CRLF and LF)');
    }
    const count = terminated ? data.length - 1 : data.length; // the empty remainder after the final newline
    const batch: SourceRow[] = [];
    for (let i = 0; i < count; i++) {
      const record = data[i] as string[];
      this.row++;
      if (this.headers === null) {
        this.headers = record;
        this.keys = record.map(headerKey);
        continue;
      }
      if (record.every(isBlank)) continue;
      batch.push({ row: this.row, label: 'row', headers: this.headers, ...rowCells(this.keys, record) });
    }
    return batch;
  }
}

/** The newline of the first line: CRLF, LF or CR; null while the text holds none. */
function newlineOf(text: string): '\r\n' | '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return cr + 1 === lf ? '\r\n' : cr + 1 < text.length ? '\r' : null;
  return lf >= 0 ? '\n' : null;
}

const QUOTE = 0x22;

/** Whether the quote at `i` opens a field: at the start of the text, or after a comma or a newline. */
function startsField(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  return i === 0 || before === 0x2c || before === 0x0a || before === 0x0d;
}
