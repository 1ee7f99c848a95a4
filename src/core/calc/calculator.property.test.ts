import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactorIndex } from '../factors/factor-index.js';
import { parseUnit } from '../units/units.js';
import { Calculator } from './calculator.js';
import type { Activity, Instrument } from './model.js';
import { toGrams } from './totals.js';
import { AR5, REAL_FACTORS } from '../../test-support/real-factors.js';

const library = new FactorIndex(REAL_FACTORS);
const MARKETS = ['US', 'US-RFCE', 'VN'] as const;
const YEARS = [2022, 2023, 2024] as const;

const lineArb = fc.record({
  scope: fc.constantFrom(1, 2, 3),
  quantity: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  market: fc.constantFrom(...MARKETS),
  year: fc.constantFrom(...YEARS),
  category: fc.integer({ min: 1, max: 15 }),
});
const instrumentArb = fc.record({
  kind: fc.constantFrom('certificate', 'ppa', 'supplier_rate') as fc.Arbitrary<Instrument['kind']>,
  market: fc.constantFrom(...MARKETS),
  vintage: fc.constantFrom(...YEARS),
  mwh: fc.double({ min: 0.001, max: 2e3, noNaN: true, noDefaultInfinity: true }),
  rate: fc.constantFrom(0, 50, 300),
});

interface Line { scope: number; quantity: number; market: string; year: number; category: number }

function toActivity(l: Line, i: number): Activity {
  const electricity = l.scope === 2;
  return {
    id: `l${i}`, scope: l.scope as 1 | 2 | 3, category: l.scope === 3 ? l.category : null, method: null,
    quantity: l.quantity, unit: parseUnit(electricity ? 'kWh' : 'mmBtu'), priceYear: null,
    factorId: electricity ? (l.market === 'VN' ? 'vn-dcc/2023' : 'epa-hub-2024/egrid2022/RFCE') : 'epa-hub-2024/t1/natural-gas/mmBtu',
    activity: null, region: null, year: l.year, market: l.market, carrier: null, supplier: null,
  };
}

describe('Calculator properties', () => {
  it('totals equal the sum of their lines, each line rounded to grams', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (raw) => {
        const calc = new Calculator({ input: new FactorIndex([]), library, gwp: AR5, instruments: [], residualMixes: [] });
        const lines = raw.map((l, i) => calc.add(toActivity(l, i)));
        const { totals } = calc.finish();
        const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + toGrams(pick(l)), 0) / 1000;
        expect(totals.scope1_kg).toBe(sum((l) => (l.activity.scope === 1 ? l.co2eKg : 0)));
        expect(totals.scope2_location_kg).toBe(sum((l) => (l.activity.scope === 2 ? l.co2eKg : 0)));
        expect(totals.scope2_market_kg).toBe(sum((l) => (l.activity.scope === 2 ? (l.marketCo2eKg ?? 0) : 0)));
        expect(totals.scope3_kg).toBe(sum((l) => (l.activity.scope === 3 ? l.co2eKg : 0)));
        const byCategory = Object.values(totals.scope3_by_category_kg).reduce((s, v) => s + Math.round(v * 1000), 0) / 1000;
        expect(byCategory).toBe(totals.scope3_kg);
        expect(totals.total_market_kg).toBe((toGrams(totals.scope1_kg) + toGrams(totals.scope2_market_kg) + toGrams(totals.scope3_kg)) / 1000);
      }),
    );
  });

  it('never uses an instrument MWh twice, and covers each line exactly once', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.array(instrumentArb, { maxLength: 12 }), (raw, rawInstruments) => {
        const instruments: Instrument[] = rawInstruments.map((x, i) => ({
          id: `i${i}`, kind: x.kind, market: x.market, mwh: x.mwh, kgCo2ePerMwh: x.rate, vintage: x.vintage,
          supplier: null, retired: true, serial: null,
        }));
        const calc = new Calculator({ input: new FactorIndex([]), library, gwp: AR5, instruments, residualMixes: [] });
        const lines = raw.map((l, i) => calc.add(toActivity(l, i))).filter((l) => l.activity.scope === 2);
        const results = calc.finish().instruments;
        const used = new Map<string, number>();
        for (const line of lines) {
          const mwh = line.activity.quantity / 1000;
          const covered = line.marketParts.reduce((s, p) => s + p.mwh, 0);
          expect(covered).toBeCloseTo(mwh, 6);
          for (const p of line.marketParts) {
            if (p.step === 'residual_mix' || p.step === 'grid_average') continue;
            const inst = instruments.find((i) => i.id === p.source)!;
            // An instrument serves only its own market (or sub-regions) and its vintage year.
            expect(line.activity.market === inst.market || line.activity.market?.startsWith(`${inst.market}-`)).toBe(true);
            expect(line.activity.year).toBe(inst.vintage);
            used.set(p.source, (used.get(p.source) ?? 0) + p.mwh);
          }
        }
        for (const r of results) {
          const inst = instruments.find((i) => i.id === r.id)!;
          expect(r.appliedMwh).toBeLessThanOrEqual((inst.mwh ?? Infinity) * (1 + 1e-12));
          expect(used.get(r.id) ?? 0).toBeCloseTo(r.appliedMwh, 6);
        }
      }),
    );
  });

  it('is deterministic: the same input gives the same numbers', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (raw) => {
        const once = () => {
          const calc = new Calculator({ input: new FactorIndex([]), library, gwp: AR5, instruments: [], residualMixes: [] });
          raw.forEach((l, i) => calc.add(toActivity(l, i)));
          return JSON.stringify(calc.finish());
        };
        expect(once()).toBe(once());
      }),
    );
  });

  it('a run resumed from another run\'s market state gives the figures of one run over both', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.array(instrumentArb, { maxLength: 8 }), fc.nat(), (raw, rawInstruments, cut) => {
        const instruments: Instrument[] = rawInstruments.map((x, i) => ({
          id: `i${i}`, kind: x.kind, market: x.market, mwh: x.mwh, kgCo2ePerMwh: x.rate, vintage: x.vintage,
          supplier: null, retired: true, serial: null,
        }));
        const split = raw.length === 0 ? 0 : cut % (raw.length + 1);
        const options = { input: new FactorIndex([]), library, gwp: AR5, instruments, residualMixes: [] };
        const whole = new Calculator(options);
        const wholeLines = raw.map((l, i) => whole.add(toActivity(l, i)));
        const first = new Calculator(options);
        const firstLines = raw.slice(0, split).map((l, i) => first.add(toActivity(l, i)));
        // The state goes through JSON, as it does through the database.
        const resume = JSON.parse(JSON.stringify(first.marketState())) as ReturnType<Calculator['marketState']>;
        const second = new Calculator({ ...options, resume });
        const secondLines = raw.slice(split).map((l, i) => second.add(toActivity(l, split + i)));
        const figures = (l: (typeof wholeLines)[number]) => [l.co2eKg, l.marketCo2eKg, l.marketParts];
        expect([...firstLines, ...secondLines].map(figures)).toEqual(wholeLines.map(figures));
        expect(second.finish().instruments).toEqual(whole.finish().instruments);
      }),
    );
  });

  it('refuses to resume over other instruments', () => {
    const instrument: Instrument = { id: 'rec-1', kind: 'certificate', market: 'US', mwh: 1, kgCo2ePerMwh: 0, vintage: 2024, supplier: null, retired: true, serial: null };
    const state = new Calculator({ input: new FactorIndex([]), library, gwp: AR5, instruments: [instrument], residualMixes: [] }).marketState();
    expect(() => new Calculator({ input: new FactorIndex([]), library, gwp: AR5, instruments: [], residualMixes: [], resume: state }))
      .toThrow(/other instruments/);
  });
});
