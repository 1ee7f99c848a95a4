import { describe, expect, it } from 'vitest';
import { loadEpaSupplyChain } from './epa-supply-chain.js';
import { defaultDataDir } from './load-library.js';

describe('EPA supply chain factors v1.2', () => {
  const chain = loadEpaSupplyChain(defaultDataDir());

  it('one factor per NAICS code, with margins (purchaser price)', () => {
    // SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv, 111110 Soybean Farming:
    // 1.223 without margins, 0.103 margins, 1.326 with margins (kg CO2e/2021 USD).
    expect(chain.factors).toHaveLength(1016);
    expect(chain.factors.find((f) => f.id === 'epa-useeio-1.2/naics/111110')).toMatchObject({
      activity: 'spend.naics.111110',
      region: 'US',
      year: 2019,
      unit: 'USD',
      priceYear: 2021,
      co2e: 1.326,
      gwpBasis: 'AR4',
      method: 'spend-based',
    });
  });
});
