import { describe, expect, it } from 'vitest';
import { signedPercent } from './format.js';

describe('signedPercent', () => {
  it('writes one decimal, a plus sign for a rise and a true minus sign for a fall', () => {
    expect(signedPercent(-17)).toBe('\u221217.0%');
    expect(signedPercent(23.04)).toBe('+23.0%');
    expect(signedPercent(0)).toBe('0.0%');
  });
});
