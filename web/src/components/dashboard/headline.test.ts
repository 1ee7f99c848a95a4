import { describe, expect, it } from 'vitest';
import { headlineChanges } from './headline.js';

describe('headlineChanges', () => {
  it('is null without a previous year or a Scope 1+2 change', () => {
    expect(headlineChanges(null)).toBeNull();
    expect(headlineChanges({ scope12_market_kg: null, scope3_kg: 5 })).toBeNull();
  });

  it('gives Scope 1+2, Scope 3 and the intensity per revenue set against revenue growth', () => {
    const h = headlineChanges({ scope12_market_kg: -17, scope3_kg: 23, total_market_kg: 8, revenue: 20 });
    expect(h).toEqual({ scope12: -17, scope3: 23, intensity: { change: -10, revenue: 20 } });
  });

  it('leaves out what is missing', () => {
    expect(headlineChanges({ scope12_market_kg: 4.2, scope3_kg: null, total_market_kg: 3 })).toEqual({ scope12: 4.2, scope3: null, intensity: null });
  });
});
