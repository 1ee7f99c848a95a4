import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversionFactor, convert, dimensionOf, parseMassRate, kgPer, parseUnit, UNIT_SYMBOLS, UnitError, type Unit } from './units.js';

const u = (s: string): Unit => parseUnit(s);

describe('units', () => {
  it('accepts every symbol the product documents', () => {
    const documented = 'Wh kWh MWh GWh MJ GJ mmBtu therm g kg t lb short_ton L m3 gal scf ccf km mi pkm pmi vkm vmi tkm ton_mi';
    for (const s of documented.split(' ')) expect(() => parseUnit(s)).not.toThrow();
    for (const c of ['USD', 'EUR', 'CNY', 'VND', 'GBP']) expect(parseUnit(c)).toBe(c);
  });

  it('refuses unknown symbols and wrong case instead of guessing', () => {
    expect(() => parseUnit('mwh')).toThrow(UnitError);
    expect(() => parseUnit('XYZ')).toThrow(/unknown unit "XYZ"/);
  });

  // NIST SP 811 / international definitions: 1 Btu(IT) = 1055.05585262 J, 1 lb = 0.45359237 kg,
  // 1 mi = 1.609344 km, 1 US gal = 3.785411784 L, 1 ft3 = 0.028316846592 m3.
  it('converts with the exact definitions', () => {
    expect(conversionFactor(u('mmBtu'), u('kWh'))).toBeCloseTo(293.0710701722222, 10);
    expect(conversionFactor(u('therm'), u('mmBtu'))).toBeCloseTo(0.1, 15);
    expect(conversionFactor(u('MWh'), u('GJ'))).toBeCloseTo(3.6, 15);
    expect(conversionFactor(u('gal'), u('L'))).toBeCloseTo(3.785411784, 12);
    expect(conversionFactor(u('short_ton'), u('t'))).toBeCloseTo(0.90718474, 12);
    expect(conversionFactor(u('ccf'), u('scf'))).toBeCloseTo(100, 10);
    expect(conversionFactor(u('pmi'), u('pkm'))).toBeCloseTo(1.609344, 12);
    // A short ton-mile is 0.90718474 t × 1.609344 km = 1.45997232 t·km.
    expect(conversionFactor(u('ton_mi'), u('tkm'))).toBeCloseTo(1.4599723182, 9);
  });

  it('converts a currency only to itself', () => {
    expect(conversionFactor(u('USD'), u('USD'))).toBe(1);
    expect(() => conversionFactor(u('EUR'), u('USD'))).toThrow(/currencies convert only to themselves/);
  });

  it('refuses conversions across dimensions, naming both units', () => {
    expect(() => conversionFactor(u('L'), u('kWh'))).toThrow('cannot convert L (volume) to kWh (energy)');
    expect(() => conversionFactor(u('pkm'), u('km'))).toThrow(/passenger_distance/);
  });

  it('reads mass rates', () => {
    // eGRID2022 US average, EPA Hub 2024 table 6: 823.149 lb CO2/MWh = 373.3741... kg/MWh
    expect(kgPer(823.149, parseMassRate('lb/MWh'), u('MWh'))).toBeCloseTo(373.3741058, 6);
    expect(kgPer(0.5, parseMassRate('kg/kWh'), u('MWh'))).toBeCloseTo(500, 10);
    expect(() => parseMassRate('kWh/kg')).toThrow(/expected mass/);
  });

  it('round-trips any value through any two units of one dimension', () => {
    const byDimension = new Map<string, string[]>();
    for (const s of UNIT_SYMBOLS) byDimension.set(dimensionOf(u(s)), [...(byDimension.get(dimensionOf(u(s))) ?? []), s]);
    const pairs = [...byDimension.values()].flatMap((list) => list.flatMap((a) => list.map((b) => [a, b] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: 1e-6, max: 1e12, noNaN: true }), ([a, b], value) => {
        const there = convert({ value, unit: u(a) }, u(b));
        const back = convert(there, u(a));
        expect(back.value).toBeCloseTo(value, Math.max(0, 8 - Math.ceil(Math.log10(value + 1))));
      }),
    );
  });
});
