import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from './canonical-fields.js';
import { readRows, type SourceFormat } from './read-rows.js';

/** Feeds the text in tiny chunks, so every boundary case of the streaming readers is hit. */
async function rows(format: SourceFormat, text: string, chunk = 3): Promise<SourceRow[]> {
  const bytes = Buffer.from(text);
  const parts = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out: SourceRow[] = [];
  for await (const batch of readRows(format, Readable.from(parts))) out.push(...batch);
  return out;
}

describe('readers', () => {
  it('CSV: spreadsheet row numbers, blank lines counted, a BOM and quoted newlines handled', async () => {
    const got = await rows('csv', '\ufeffSite,Qty\r\nA,"1"\r\n\r\n"B\nC",2\r\n,\r\nD,3,extra\r\n');
    expect(got.map((r) => [r.row, r.cells])).toEqual([[2, { site: 'A', qty: '1' }], [4, { site: 'B\nC', qty: '2' }], [6, { site: 'D', qty: '3' }]]);
    expect(got[2]?.problem).toBe('has 3 fields, the header has 2');
    const unheaded = await rows('csv', 'site,,qty\nA,lost?,1\nB,,2\n');
    expect(unheaded.map((r) => [r.row, r.cells, r.problem])).toEqual([[2, { site: 'A', qty: '1' }, 'column 2 has a value but no header'], [3, { site: 'B', qty: '2' }, undefined]]);
    await expect(rows('csv', 'a,b\n"x,1\n')).rejects.toThrow(/malformed CSV/);
  });

  it('CSV: characters split across chunks, doubled quotes, CR-only newlines, and a quote never closed', async () => {
    const text = 'site,note\n深圳工厂,"他说 ""你好""\n第二行"\nNhà máy Hà Nội,"a,b"\n';
    for (const chunk of [1, 2, 5, 64]) {
      expect((await rows('csv', text, chunk)).map((r) => [r.row, r.cells])).toEqual([
        [2, { site: '深圳工厂', note: '他说 "你好"\n第二行' }], [3, { site: 'Nhà máy Hà Nội', note: 'a,b' }],
      ]);
    }
    expect((await rows('csv', 'a,b\r1,2\r\r3,4')).map((r) => [r.row, r.cells])).toEqual([[2, { a: '1', b: '2' }], [4, { a: '3', b: '4' }]]);
    // A quote inside an unquoted field is a character (as in PapaParse), and opens nothing.
    for (const chunk of [1, 4, 64]) {
      expect((await rows('csv', 'pipe,size\n5" pipe,12\n"a ""b""",3\n', chunk)).map((r) => r.cells))
        .toEqual([{ pipe: '5" pipe', size: '12' }, { pipe: 'a "b"', size: '3' }]);
    }
    const runaway = 'a,b\n1,2\n"' + 'x'.repeat(17 << 20);
    await expect(rows('csv', runaway, 1 << 20)).rejects.toMatchObject({ row: 3, message: 'malformed CSV: a quoted field is never closed' });
  });

  it('JSON arrays: items numbered from 1, strings with brackets and escapes, one element at a time', async () => {
    const got = await rows('json', ' [ {"site": "A ] {x}", "q": 1}, {"site": "B \\" }", "q": [1]}, 7 ]', 2).catch((e: Error) => e);
    expect(got).toBeInstanceOf(Error);
    const ok = await rows('json', '[{"site": "A ] {x}", "q": 1},\n {"site": "B \\" }", "q": null}]');
    expect(ok.map((r) => [r.row, r.label, r.cells])).toEqual([[1, 'item', { site: 'A ] {x}', q: 1 }], [2, 'item', { site: 'B " }', q: null }]]);
    await expect(rows('json', '[{"a": 1}')).rejects.toThrow('the JSON array is not closed');
  });

  it('NDJSON: line numbers, blank lines skipped, nested values refused per row', async () => {
    const got = await rows('json', '{"a": 1}\n\n{"a": {"b": 2}}\n{"a": 3}');
    expect(got.map((r) => [r.row, r.label, r.problem ?? null])).toEqual([
      [1, 'line', null], [3, 'line', 'field "a" is not a single value (string, number, boolean or null)'], [4, 'line', null],
    ]);
  });
});
