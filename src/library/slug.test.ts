import { describe, expect, it } from 'vitest';
import { slug } from './slug.js';

describe('slug', () => {
  it('keeps meaning of symbols and numbers in ASCII', () => {
    expect(slug('Distillate Fuel Oil No. 2')).toBe('distillate-fuel-oil-no-2');
    expect(slug('Naphtha (<401 deg F)')).toBe('naphtha-lt-401-deg-f');
    expect(slug('≤1980')).toBe('up-to-1980');
    expect(slug('Air Travel - Medium Haul (>= 300 miles, < 2300 miles)')).toBe('air-travel-medium-haul-from-300-miles-lt-2300-miles');
    expect(slug('10,000–34,999 dwt')).toBe('10000-34999-dwt');
    expect(slug('Rigid (>3.5 - 7.5 tonnes)')).toBe('rigid-gt-3p5-7p5-tonnes');
    expect(slug('50% Laden')).toBe('50pct-laden');
    expect(slug('Côte d’Ivoire')).toBe('cote-d-ivoire');
  });

  it('refuses a name with nothing to keep', () => {
    expect(() => slug('()')).toThrow();
  });
});
