import { describe, expect, it } from 'vitest';
import { isBlank } from './canonical-fields.js';
import { isoDate, RowReader } from './cells.js';

describe('RowReader', () => {
  it('reads a month, a day or start/end, end exclusive', () => {
    expect(new RowReader({ period: '2021-08' }).period()).toEqual({ start: '2021-08-01', end: '2021-09-01' });
    expect(new RowReader({ period: '2021-12' }).period()).toEqual({ start: '2021-12-01', end: '2022-01-01' });
    expect(new RowReader({ period: '2021-08-15' }).period()).toEqual({ start: '2021-08-15', end: '2021-08-16' });
    expect(new RowReader({ period_start: '2024-01-01', period_end: '2024-04-01' }).period()).toEqual({ start: '2024-01-01', end: '2024-04-01' });
  });

  it('refuses what it would have to guess', () => {
    const cases: [Record<string, string>, string][] = [
      [{ period: '2021' }, '"2021" is not a period: expected YYYY-MM (a month) or YYYY-MM-DD (a day)'],
      [{ period: '2021-02-30' }, '"2021-02-30" is not a period'],
      [{ period: '2021-08', period_start: '2021-08-01' }, 'give period or period_start/period_end, not both'],
      [{ period_start: '2024-02-01', period_end: '2024-02-01' }, '2024-02-01 is not after period_start 2024-02-01 (period_end is exclusive)'],
      [{ period_start: '01/02/2024', period_end: '2024-03-01' }, '"01/02/2024" is not a date: expected YYYY-MM-DD'],
    ];
    for (const [values, message] of cases) {
      const r = new RowReader(values);
      expect(r.period()).toBeNull();
      expect(r.errors[0]?.message).toContain(message);
    }
    const r = new RowReader({ q: '1,250', s: '4.5', b: 'maybe', n: '' });
    expect([r.number('q'), r.integer('s', 1, 3), r.boolean('b'), r.number('n', true)]).toEqual([null, null, null, null]);
    expect(r.errors.map((e) => e.field)).toEqual(['q', 's', 'b', 'n']);
    expect(isoDate('2024-1-5')).toBeNull();
  });
});

describe('isBlank', () => {
  it('is blank for nothing and for white space only, Unicode spaces too; never for a value', () => {
    for (const cell of [null, undefined, '', ' ', '\t\n', '\u00a0', '\u3000 ', '\ufeff']) expect(isBlank(cell)).toBe(true);
    for (const cell of ['0', 'a', ' a', '\u00a0x', '~', 0, false, new Date(0)]) expect(isBlank(cell)).toBe(false);
  });
});
