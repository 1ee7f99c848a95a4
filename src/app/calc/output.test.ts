import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gramsToKgText } from '../../core/index.js';
import { loadLibrary } from '../../library/load-library.js';
import { lineJson, lineOutput } from './output.js';
import { startCalculation } from './start-calculation.js';
import { calcContextSchema, activityInputSchema } from './input-schema.js';
import { toActivity } from './to-domain.js';

describe('output', () => {
  it('writes kg text exactly as String(grams / 1000) does', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1e15, max: 2 ** 53 - 1 }), fc.integer({ min: -1e6, max: 1e6 })), (g) => {
      expect(gramsToKgText(g)).toBe(String(g / 1000));
    }));
    expect(gramsToKgText(2_152_000)).toBe('2152');
    expect(gramsToKgText(18_668_705)).toBe('18668.705');
    expect(gramsToKgText(1_170_400)).toBe('1170.4');
    expect(gramsToKgText(-50)).toBe('-0.05');
  });

  it('serialises a line the same way, fast path or not', () => {
    const library = loadLibrary();
    const calc = startCalculation(calcContextSchema.parse({ gwp: 'AR6' }), library);
    const lines = [
      { id: 'gas', scope: 1, quantity: 123.4567, unit: 'mmBtu', factor: 'epa-hub-2024/t1/natural-gas/mmBtu' },
      { id: 7, scope: 2, quantity: 5e5, unit: 'kWh', activity: 'electricity.grid', region: 'US-RFCE', market: 'US', period: '2024-01' },
      { id: 'trip "x"', scope: 3, category: 6, quantity: 9000, unit: 'pkm', factor: 'desnz-2025/21_316_3170_11/pkm' },
    ].map((raw) => calc.add(toActivity(activityInputSchema.parse(raw))));
    for (const line of lines) {
      for (const explain of [true, false]) {
        expect(lineJson(line, calc.gwp, explain)).toBe(JSON.stringify(lineOutput(line, calc.gwp, explain)));
      }
    }
  });
});
