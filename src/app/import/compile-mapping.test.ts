import { describe, expect, it } from 'vitest';
import { headerKey, type Cell, type SourceRow } from './canonical-fields.js';
import { compileMapping } from './compile-mapping.js';
import { parseMapping, type MappingInput } from './mapping-schema.js';
import { problemText, type Problem } from './problems.js';

const mapper = (def: MappingInput, kind: 'activities' | 'instruments' = 'activities') => compileMapping({ name: 'm', mapping: parseMapping('m', def) }, kind);
const row = (values: Record<string, Cell>): SourceRow => {
  const headers = Object.keys(values);
  return { row: 2, label: 'row', headers, cells: Object.fromEntries(headers.map((h) => [headerKey(h), values[h] ?? null])) };
};

describe('compileMapping', () => {
  it('renames columns, passes canonical names through, fills constants and scales', () => {
    const m = mapper({ columns: { 'Energy (Wh)': 'quantity' }, constants: { unit: 'kWh', scope: 2 }, scale: { quantity: 0.001 } });
    expect(m.map(row({ 'Energy (Wh)': '2500', ' Site ': 'Houston DC', Unit: 'MWh' }))).toEqual({
      values: { quantity: 2.5, site: 'Houston DC', unit: 'MWh', scope: 2 }, errors: [],
    });
  });

  it('builds values from templates, slugging where asked, and names a blank source column', () => {
    const m = mapper({ templates: { activity: 'travel.air.{Haul|slug}.{Class|slug}.with-rf', source_id: '{Ref}' } });
    expect(m.map(row({ Haul: 'Long haul', Class: 'Premium Economy', Ref: 'BK 1' })).values).toMatchObject({
      activity: 'travel.air.long-haul.premium-economy.with-rf', source_id: 'BK 1',
    });
    expect(m.map(row({ Haul: '', Class: 'Economy', Ref: 'x' })).errors).toEqual([
      { field: 'activity', message: 'mapping "m" builds it from column "Haul", which is blank', code: 'templateColumnBlank', params: { mapping: 'm', column: 'Haul' } },
    ]);
  });

  it('looks values up case-insensitively, falls back to `otherwise`, and refuses unknown values', () => {
    const m = mapper({ lookups: { activity: { column: 'Fuel', values: { Diesel: 'mobile.diesel-fuel' } } } });
    expect(m.map(row({ Fuel: 'DIESEL ' })).values.activity).toBe('mobile.diesel-fuel');
    expect(m.map(row({ Fuel: 'Kerosene' })).errors[0]?.message).toBe('mapping "m" does not know "Kerosene" in column "Fuel" (known: diesel)');
    const withFallback = mapper({ lookups: { activity: { column: 'Gas', values: { 'r-134a': 'gas.hfc134a' }, otherwise: 'refrigerant.{Gas|slug}' } } });
    expect(withFallback.map(row({ Gas: 'R-404A' })).values.activity).toBe('refrigerant.r-404a');
  });

  it('applies an override when its column is filled, clearing fields with an empty template', () => {
    const m = mapper({
      columns: { Amount: 'quantity' }, templates: { activity: 'spend.naics.{NAICS}' }, constants: { unit: 'USD', method: 'spend-based' },
      overrides: [{ when: 'Supplier kg', set: { quantity: '{Supplier kg}', unit: 'kg', method: 'supplier-specific', activity: '' } }],
    });
    expect(m.map(row({ Amount: '100', NAICS: '334111', 'Supplier kg': '' })).values).toMatchObject({ quantity: '100', unit: 'USD', activity: 'spend.naics.334111' });
    const v = m.map(row({ Amount: '100', NAICS: '334111', 'Supplier kg': '42' })).values;
    expect(v).toMatchObject({ quantity: '42', unit: 'kg', method: 'supplier-specific' });
    expect(v.activity).toBeUndefined();
  });

  it('turns an inclusive end date into the exclusive one', () => {
    const m = mapper({ columns: { To: 'period_end' }, period_end_inclusive: true });
    expect(m.map(row({ To: '2024-02-29' })).values.period_end).toBe('2024-03-01');
    expect(m.map(row({ To: new Date(Date.UTC(2024, 11, 31)) })).values.period_end).toBe('2025-01-01');
  });

  it('finds fatal header problems', () => {
    const texts = (problems: readonly Problem[]): string[] => problems.map(problemText);
    expect(texts(mapper({ extra_columns: 'error' }).headerErrors(['site', 'qty', 'Site']))).toEqual([
      'column "Site" appears twice',
      expect.stringContaining('mapping "m" does not know column(s) "qty"'),
    ]);
    expect(texts(mapper({ columns: { kWh: 'quantity', Energy: 'quantity' } }).headerErrors(['kWh', 'Energy']))).toEqual(['columns "kWh" and "Energy" both map to quantity']);
    expect(mapper({ columns: { kWh: 'quantity' } }).headerErrors(['Date', 'Amount'])).toEqual([
      { code: 'noKnownColumns', params: { mapping: 'm', columns: 'Date, Amount' } },
    ]);
    const absent = mapper({ columns: { kWh: 'quantity', Site: 'site' } }).missingColumn(['Site'], 'quantity');
    expect(absent === null ? null : problemText(absent)).toBe('missing (mapping "m" reads it from column "kWh", which this file does not have)');
    expect(mapper({ columns: { kWh: 'quantity', Site: 'site' } }).missingColumn(['Site', 'kWh'], 'quantity')).toBeNull();
  });

  it('refuses mappings that name fields of another kind or a wrong kind', () => {
    expect(() => mapper({ columns: { Qty: 'amount' } })).toThrow('mapping "m": column "Qty" names "amount", which is not a field of activities');
    expect(() => mapper({ kind: 'metrics' })).toThrow('mapping "m" is for metrics, not activities (use --kind metrics)');
    expect(() => parseMapping('m', { colums: {} })).toThrow(/mapping "m": unknown field "colums"/);
    expect(() => mapper({ templates: { activity: '{A|upper}' } })).toThrow('unknown filter "|upper"');
  });
});
