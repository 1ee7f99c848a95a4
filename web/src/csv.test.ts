import { describe, expect, it } from 'vitest';
import { base64ToText, parseCsv, serializeCsv, textToBase64 } from './csv.js';

describe('csv', () => {
  it('parses quotes, commas, line breaks and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2']]);
  });
  it('round-trips through serialise', () => {
    const rows = [['site', 'note'], ['Hà Nội', 'a,b'], ['x', 'q"q']];
    expect(parseCsv(serializeCsv(rows))).toEqual(rows);
  });
  it('encodes UTF-8 as base64 and back', () => {
    expect(base64ToText(textToBase64('范围一 Phạm vi 1'))).toBe('范围一 Phạm vi 1');
  });
});
