/**
 * @module demo/jasons-team-plan
 * The fictional "Jason's Team" (seed 000): a VPN company with offices and data centres in the US,
 * China, Viet Nam and Ireland, reporting in July–June fiscal years. These are the monthly sources
 * its data owners would export; quantities are base values the generator scales and calibrates.
 */

export interface SitePlan {
  readonly name: string;
  readonly entity: string;
  readonly country: string;
  readonly gridRegion: string;
  readonly market: string;
  readonly unit: string;
}

export const SITES: readonly SitePlan[] = [
  { name: 'Seattle HQ', entity: "Jason's Team Inc.", country: 'US', gridRegion: 'US-NWPP', market: 'US', unit: 'Corporate' },
  { name: 'Ashburn Data Centre', entity: "Jason's Team Inc.", country: 'US', gridRegion: 'US-SRVC', market: 'US', unit: 'VPN Services' },
  { name: 'Shanghai Office', entity: "Jason's Team (Shanghai) Co., Ltd.", country: 'CN', gridRegion: 'CN', market: 'CN', unit: 'Devices' },
  { name: 'Hanoi Engineering Centre', entity: "Jason's Team Vietnam LLC", country: 'VN', gridRegion: 'VN', market: 'VN', unit: 'VPN Services' },
  { name: 'Dublin Data Centre', entity: "Jason's Team Ireland Ltd", country: 'IE', gridRegion: 'IE', market: 'IE', unit: 'VPN Services' },
];

/** One monthly source row: what, where, and a base quantity for a month of FY2021. */
export interface SourcePlan {
  readonly key: string;
  readonly site: string;
  readonly scope: 1 | 2 | 3;
  readonly category?: number;
  readonly method?: string;
  readonly unit: string;
  readonly factor?: string;
  readonly activity?: string;
  readonly supplier?: string;
  readonly base: number;
  /** FY2022 over FY2021 before calibration (business growth). */
  readonly growth: number;
}

export const SOURCES: readonly SourcePlan[] = [
  // Scope 1: heating, standby generators, refrigerant top-ups, the service fleet.
  { key: 'gas', site: 'Seattle HQ', scope: 1, unit: 'mmBtu', activity: 'fuel.natural-gas', base: 310, growth: 0.97 },
  { key: 'gen-us', site: 'Ashburn Data Centre', scope: 1, unit: 'gal', activity: 'fuel.distillate-fuel-oil-no-2', base: 420, growth: 1.05 },
  { key: 'gen-ie', site: 'Dublin Data Centre', scope: 1, unit: 'L', factor: 'epa-hub-2024/t1/distillate-fuel-oil-no-2/gal', base: 900, growth: 1.05 },
  { key: 'r410a', site: 'Ashburn Data Centre', scope: 1, unit: 'kg', activity: 'refrigerant.r-410a', base: 2.5, growth: 1.1 },
  { key: 'fleet', site: 'Seattle HQ', scope: 1, unit: 'L', activity: 'mobile.diesel-fuel', base: 1800, growth: 1.0 },
  // Scope 2: electricity at every site.
  { key: 'power-hq', site: 'Seattle HQ', scope: 2, unit: 'kWh', activity: 'electricity.grid', base: 210_000, growth: 1.02 },
  { key: 'power-dc-us', site: 'Ashburn Data Centre', scope: 2, unit: 'MWh', activity: 'electricity.grid', base: 2_600, growth: 1.18 },
  { key: 'power-sh', site: 'Shanghai Office', scope: 2, unit: 'kWh', activity: 'electricity.grid', base: 160_000, growth: 1.08 },
  { key: 'power-hn', site: 'Hanoi Engineering Centre', scope: 2, unit: 'kWh', activity: 'electricity.grid', base: 120_000, growth: 1.1 },
  { key: 'power-dc-ie', site: 'Dublin Data Centre', scope: 2, unit: 'MWh', activity: 'electricity.grid-intensity', base: 1_400, growth: 1.15 },
  // Scope 3: purchased goods and services by spend and by supplier-reported data, freight, travel, commuting.
  { key: 'spend-servers', site: 'Ashburn Data Centre', scope: 3, category: 1, unit: 'USD', activity: 'spend.naics.334111', supplier: 'Northwind Servers', base: 120_000, growth: 1.1 },
  { key: 'spend-software', site: 'Seattle HQ', scope: 3, category: 1, unit: 'USD', activity: 'spend.naics.541511', supplier: 'Contoso Software', base: 60_000, growth: 1.1 },
  { key: 'supplier-devices', site: 'Shanghai Office', scope: 3, category: 1, method: 'supplier-specific', unit: 't', factor: 'reported/co2e', supplier: 'Fabrikam Devices', base: 1, growth: 1 },
  { key: 'supplier-hosting', site: 'Dublin Data Centre', scope: 3, category: 1, method: 'supplier-specific', unit: 't', factor: 'reported/co2e', supplier: 'Tailspin Hosting', base: 1, growth: 1 },
  { key: 'supplier-assembly', site: 'Hanoi Engineering Centre', scope: 3, category: 1, method: 'supplier-specific', unit: 't', factor: 'reported/co2e', supplier: 'Litware Assembly', base: 1, growth: 1 },
  { key: 'freight', site: 'Ashburn Data Centre', scope: 3, category: 4, unit: 'ton_mi', activity: 'transport.medium-and-heavy-duty-truck', base: 40_000, growth: 1.1 },
  { key: 'flights', site: 'Seattle HQ', scope: 3, category: 6, unit: 'pkm', factor: 'desnz-2025/21_316_3180_11/pkm', base: 380_000, growth: 1.4 },
  { key: 'hotels', site: 'Seattle HQ', scope: 3, category: 6, unit: 'room_night', activity: 'hotel.stay', base: 260, growth: 1.4 },
  { key: 'commuting', site: 'Seattle HQ', scope: 3, category: 7, unit: 'vmi', activity: 'travel.passenger-car', base: 95_000, growth: 1.05 },
];

/** Relative monthly profile (July … June): winter heating, summer cooling. */
export const MONTH_PROFILE: readonly number[] = [1.05, 1.06, 0.98, 0.96, 1.0, 1.04, 1.06, 1.02, 0.98, 0.94, 0.93, 0.98];

export const TARGETS = {
  /** Seed 000: Scope 1+2 (market-based) about −17 % year on year. */
  scope12MarketChange: -0.17,
  /** Seed 000: Scope 3 about +23 %. */
  scope3Change: 0.23,
  /** Seed 000: 87 % of supplier emissions data in hand → share of Scope 3 from supplier-specific data. */
  supplierShareFy2022: 0.87,
  supplierShareFy2021: 0.8,
} as const;
