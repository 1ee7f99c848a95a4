/**
 * @module import/builtin-mappings
 * Mappings shipped in code for common sources; docs/import.md lists their columns. Each activity
 * key below was checked against the shipped library (builtin-mappings.test.ts imports one fixture
 * per mapping). Keys are regional: selection uses the site's grid region (Scope 2, electricity.*)
 * or country, so a mapping whose keys exist only for US factors refuses a GB site rather than
 * borrowing another country's factor — save a mapping with other keys for those sites.
 */
import type { MappingInput } from './mapping-schema.js';

export const BUILTIN_MAPPINGS: Readonly<Record<string, MappingInput>> = {
  /** Files already in canonical columns. Unknown columns are refused: a typo must not drop data. */
  canonical: {
    description: 'canonical columns as documented; unknown columns are an error',
    extra_columns: 'error',
  },

  /**
   * Electricity bills: one row per bill. Bills print the last day read, so the end date is taken
   * as inclusive and one day is added. electricity.grid exists for eGRID sub-regions, US, GB, CN
   * and VN; elsewhere use a saved mapping with activity electricity.grid-intensity.
   */
  'utility-bill': {
    description: 'electricity bills: Invoice, Meter site, Bill start, Bill end (inclusive), kWh, Supplier',
    kind: 'activities',
    columns: { Invoice: 'source_id', 'Meter site': 'site', 'Bill start': 'period_start', 'Bill end': 'period_end', kWh: 'quantity', Supplier: 'supplier' },
    constants: { scope: 2, unit: 'kWh', activity: 'electricity.grid', carrier: 'electricity' },
    period_end_inclusive: true,
  },

  /**
   * Fuel-card statements: litres per fill-up by vehicle → Scope 1 mobile combustion, EPA GHG
   * Emission Factors Hub fuel CO2 factors (US). CH4/N2O depend on distance and vehicle type,
   * which fuel cards do not give.
   */
  'fuel-card': {
    description: 'fuel cards: Transaction ID, Date, Vehicle, Depot, Fuel (diesel/petrol), Litres',
    kind: 'activities',
    columns: { Date: 'period', Depot: 'site', Litres: 'quantity', Station: 'supplier' },
    templates: { source_id: '{Vehicle}/{Transaction ID}' },
    lookups: {
      activity: {
        column: 'Fuel',
        values: { diesel: 'mobile.diesel-fuel', petrol: 'mobile.motor-gasoline', gasoline: 'mobile.motor-gasoline', unleaded: 'mobile.motor-gasoline' },
      },
    },
    constants: { scope: 1, unit: 'L' },
  },

  /**
   * Travel-agency flight reports: one row per passenger and flight → Scope 3 category 6,
   * DESNZ 2025 air factors with radiative forcing (GB factors: the DESNZ air set is published for
   * UK reporting). Haul: domestic, short-haul, long-haul, international-non-uk; class: economy,
   * premium-economy, business, first, average (domestic: average only).
   */
  'travel-agency': {
    description: 'flights: Booking ref, Travel date, Office, Haul, Class, Distance km, Airline',
    kind: 'activities',
    columns: { 'Booking ref': 'source_id', 'Travel date': 'period', Office: 'site', 'Distance km': 'quantity', Airline: 'supplier' },
    templates: { activity: 'travel.air.{Haul|slug}.{Class|slug}.with-rf' },
    constants: { scope: 3, category: 6, method: 'distance-based', unit: 'pkm' },
  },

  /**
   * ERP purchase ledger: spend by NAICS code → Scope 3 category 1, EPA supply-chain factors
   * (USD of their price year). A row with a supplier-reported figure becomes supplier-specific:
   * quantity = that kg CO2e, and it must name a factor id (see docs/import.md for why).
   */
  'erp-spend': {
    description: 'purchases: Invoice, Posting date, Site, Supplier, NAICS, Amount USD, Price year, Supplier kg CO2e',
    kind: 'activities',
    columns: {
      Invoice: 'source_id', 'Posting date': 'period', Site: 'site', 'Business unit': 'business_unit', Supplier: 'supplier',
      'Amount USD': 'quantity', 'Price year': 'price_year',
    },
    templates: { activity: 'spend.naics.{NAICS|slug}' },
    overrides: [{
      when: 'Supplier kg CO2e',
      set: { method: 'supplier-specific', quantity: '{Supplier kg CO2e}', unit: 'kg', factor: 'reported/co2e', activity: '', price_year: '' },
    }],
    constants: { scope: 3, category: 1, method: 'spend-based', unit: 'USD' },
  },

  /** Freight invoices in tonne-km by mode → Scope 3 category 4, EPA Hub 2024 table 8 (US). */
  freight: {
    description: 'freight: Shipment, Ship date, Origin site, Mode (road/rail/sea/air), Tonne-km, Carrier',
    kind: 'activities',
    columns: { Shipment: 'source_id', 'Ship date': 'period', 'Origin site': 'site', 'Tonne-km': 'quantity', Carrier: 'supplier' },
    lookups: {
      activity: {
        column: 'Mode',
        values: {
          road: 'transport.medium-and-heavy-duty-truck', truck: 'transport.medium-and-heavy-duty-truck',
          rail: 'transport.rail', sea: 'transport.waterborne-craft', ship: 'transport.waterborne-craft', air: 'transport.aircraft',
        },
      },
    },
    constants: { scope: 3, category: 4, method: 'distance-based', unit: 'tkm' },
  },

  /**
   * Refrigerant service logs: kg of gas topped up (= leaked since the last service) → Scope 1
   * fugitive. Pure HFCs map to `gas.<species>` (IPCC GWPs), blends to `refrigerant.<r-xxx>`
   * (EPA Hub table 12). R-22 and other Montreal Protocol gases are left out of Scope 1 by the
   * GHG Protocol, so they are not mapped and such a row is refused.
   */
  refrigerant: {
    description: 'refrigerant logs: Service ID, Service date, Site, Equipment, Refrigerant, kg topped up',
    kind: 'activities',
    columns: { 'Service date': 'period', Site: 'site', 'kg topped up': 'quantity', Contractor: 'supplier' },
    templates: { source_id: '{Equipment}/{Service ID}' },
    lookups: {
      activity: {
        column: 'Refrigerant',
        values: {
          'r-134a': 'gas.hfc134a', r134a: 'gas.hfc134a', 'hfc-134a': 'gas.hfc134a', 'r-32': 'gas.hfc32', r32: 'gas.hfc32', 'hfc-32': 'gas.hfc32',
          'r-125': 'gas.hfc125', 'hfc-125': 'gas.hfc125', 'r-143a': 'gas.hfc143a', 'r-23': 'gas.hfc23', 'r-227ea': 'gas.hfc227ea',
          sf6: 'gas.sf6', r410a: 'refrigerant.r-410a', r404a: 'refrigerant.r-404a', r407c: 'refrigerant.r-407c',
        },
        otherwise: 'refrigerant.{Refrigerant|slug}',
      },
    },
    constants: { scope: 1, unit: 'kg' },
  },
};
