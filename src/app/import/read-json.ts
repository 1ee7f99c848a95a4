/**
 * @module import/read-json
 * JSON rows, streamed: a top-level array of objects (numbered as items, 1-based) or NDJSON, one
 * object per line (numbered as lines). The array is cut into elements by a small scanner that
 * tracks strings and nesting, so only one element is ever parsed and held at a time.
 */
import type { Readable } from 'node:stream';
import { SourceError, type Cell, type RowLabel, type SourceRow, headerKey } from './canonical-fields.js';

export async function* readJson(input: Readable): AsyncGenerator<SourceRow> {
  input.setEncoding('utf8');
  const rows = new RowMaker();
  let mode: 'array' | 'ndjson' | null = null;
  const scanner = new ArrayScanner();
  let rest = '';
  let line = 0;
  for await (const chunk of input as AsyncIterable<string>) {
    if (mode === null) {
      const first = chunk.trimStart()[0];
      if (first === undefined) continue;
      mode = first === '[' ? 'array' : 'ndjson';
    }
    if (mode === 'array') {
      for (const [item, text] of scanner.push(chunk)) yield rows.make(item, 'item', text);
      continue;
    }
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const text of lines) {
      line++;
      if (text.trim() !== '') yield rows.make(line, 'line', text);
    }
  }
  if (mode === 'array') scanner.end();
  else if (rest.trim() !== '') yield rows.make(line + 1, 'line', rest);
}

/** Parses one element into a row; keys become headers (the same array while keys repeat). */
class RowMaker {
  private headers: string[] = [];
  private signature = '';

  make(row: number, label: RowLabel, text: string): SourceRow {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { row, label, cells: {}, headers: [], problem: `not valid JSON (${(e as Error).message})` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { row, label, cells: {}, headers: [], problem: 'not a JSON object' };
    }
    const keys = Object.keys(value);
    const signature = keys.join('\u0000');
    if (signature !== this.signature) [this.headers, this.signature] = [keys, signature];
    const cells: Record<string, Cell> = {};
    let problem: string | undefined;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cells[headerKey(k)] = v;
      else problem = `field "${k}" is not a single value (string, number, boolean or null)`;
    }
    return { row, label, cells, headers: this.headers, ...(problem === undefined ? {} : { problem }) };
  }
}

/** Splits `[ {...}, {...} ]` into element texts as chunks arrive. */
class ArrayScanner {
  private buffer = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  private item = 0;
  private closed = false;

  *push(chunk: string): Generator<[number, string]> {
    this.buffer += chunk;
    for (; this.pos < this.buffer.length; this.pos++) {
      const c = this.buffer[this.pos] as string;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
      if (this.closed) throw new SourceError(this.item, 'item', 'unexpected text after the closing ]');
      if (c === '"') this.inString = true;
      if (c === '{' || c === '[') {
        if (++this.depth === 2) this.start = this.pos;
      } else if (c === '}' || c === ']') {
        if (--this.depth === 1) yield [++this.item, this.buffer.slice(this.start, this.pos + 1)];
        else if (this.depth === 0) this.closed = true;
      } else if (this.depth === 1 && c !== ',') {
        throw new SourceError(this.item + 1, 'item', 'array elements must be objects');
      }
    }
    // Keep only the unfinished element (or nothing) so the buffer stays one element long.
    const keep = this.depth >= 2 ? this.start : this.pos;
    this.buffer = this.buffer.slice(keep);
    this.pos -= keep;
    if (this.start >= 0) this.start -= keep;
  }

  end(): void {
    if (!this.closed) throw new SourceError(this.item + 1, 'item', 'the JSON array is not closed (file cut short?)');
  }
}
