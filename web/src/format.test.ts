import { describe, expect, it } from 'vitest';
import { percent, signedPercent } from './format.js';

describe('signedPercent', () => {
  it('writes one decimal, a plus sign for a rise and a true minus sign for a fall', () => {
    expect(signedPercent(-17)).toBe('\u221217.0%');
    expect(signedPercent(23.04)).toBe('+23.0%');
    expect(signedPercent(0)).toBe('0.0%');
  });
  it('keeps the decimal of a whole change, so that changes side by side read alike', () => {
    expect([signedPercent(17.03), signedPercent(-17.38), signedPercent(1)]).toEqual(['+17.0%', '\u221217.4%', '+1.0%']);
  });
});

describe('percent', () => {
  it('writes a share without a sign, in the language\'s percent notation', () => {
    expect(percent(87)).toBe('87%');
    expect(percent(12.345)).toBe('12.3%');
    expect(percent(33.333, 2)).toBe('33.33%');
    expect(percent(5, 0)).toBe('5%');
  });
});
