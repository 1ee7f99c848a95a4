import { describe, expect, it } from 'vitest';
import { base64ToText, fieldCountMismatches, parseCsv, serializeCsv, textToBase64 } from './csv.js';

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
  it('finds data rows with more or fewer fields than the header, ignoring blank lines', () => {
    const rows = parseCsv('a,b,c\n1,2,3\n1,2\n\n1,2,3,4\n"x,y",2,3\n');
    expect(fieldCountMismatches(rows)).toEqual([2, 4]);
    expect(fieldCountMismatches([['a']])).toEqual([]);
  });
});
