/**
 * @module report/inventory-table
 * The inventory as tables (one per section), shared by the CSV and XLSX exports so both carry the
 * same figures as the JSON.
 */
import type { Breakdown } from '../../core/index.js';
import type { InventoryReport } from './report-inventory.js';

export interface Table {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const t = (kg: number): number => Math.round(kg) / 1000;

function breakdownTable(name: string, rows: readonly Breakdown[]): Table {
  return {
    name,
    header: [name.toLowerCase(), 'scope1_t', 'scope2_location_t', 'scope2_market_t', 'scope3_t', 'total_market_t'],
    rows: rows.map((b) => [b.name, t(b.scope1_kg), t(b.scope2_location_kg), t(b.scope2_market_kg), t(b.scope3_kg), t(b.total_market_kg)]),
  };
}

export function inventoryTables(r: InventoryReport): Table[] {
  const x = r.totals;
  const p = r.previous;
  const line = (label: string, now: number, before: number | undefined, change: number | null | undefined): (string | number | null)[] =>
    [label, t(now), before === undefined ? null : t(before), change ?? null];
  const totals: Table = {
    name: 'Totals',
    header: ['line', `${r.year}_t`, 'previous_t', 'change_pct'],
    rows: [
      line('Scope 1', x.scope1_kg, p?.scope1_kg, r.change_pct?.scope1_kg),
      line('Scope 2 (location-based)', x.scope2_location_kg, p?.scope2_location_kg, null),
      line('Scope 2 (market-based)', x.scope2_market_kg, p?.scope2_market_kg, r.change_pct?.scope2_market_kg),
      line('Scope 3', x.scope3_kg, p?.scope3_kg, r.change_pct?.scope3_kg),
      line('Total (location-based)', x.total_location_kg, p?.total_location_kg, r.change_pct?.total_location_kg),
      line('Total (market-based)', x.total_market_kg, p?.total_market_kg, r.change_pct?.total_market_kg),
      line('Biogenic CO2 (outside scopes)', x.biogenic_co2_kg, p?.biogenic_co2_kg, null),
      ...Object.entries(x.co2e_by_gas_kg).map(([gas, kg]) => line(`Gas: ${gas}`, kg, p?.co2e_by_gas_kg[gas], null)),
    ],
  };
  const scope3: Table = {
    name: 'Scope 3',
    header: ['category', 'method', 't'],
    rows: Object.entries(r.scope3_methods_kg).flatMap(([c, methods]) => Object.entries(methods).map(([m, kg]) => [Number(c), m, t(kg)])),
  };
  return [totals, scope3, breakdownTable('Entity', r.by_entity), breakdownTable('Site', r.by_site),
    breakdownTable('Business unit', r.by_business_unit), breakdownTable('Month', r.by_month)];
}
