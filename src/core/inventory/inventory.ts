/**
 * @module inventory/inventory
 * The inventory of one reporting year from monthly rollup rows: consolidation share applied per row
 * (GHG Protocol Corporate Standard ch. 3), then totals in the shape of `calc` totals, breakdowns by
 * entity, site, business unit and month, Scope 3 by category and method, per gas group, and the
 * share of Scope 3 computed from supplier-specific data. Pure: rows in, numbers out.
 */
import type { Totals } from '../calc/model.js';
import { roundKg } from '../calc/totals.js';

export interface InventoryRow {
  readonly month: string;
  readonly entity: string;
  readonly site: string;
  readonly unit: string | null;
  readonly scope: 1 | 2 | 3;
  readonly category: number | null;
  readonly method: string | null;
  /** Consolidation share, 0..1, of the row's entity in the row's month. */
  readonly share: number;
  readonly co2eKg: number;
  readonly marketCo2eKg: number;
  readonly biogenicCo2Kg: number;
  /** CO2e by gas group (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3). */
  readonly gasesKg: readonly number[];
}

/** Inventory totals: the `calc` totals without per-gas masses (rollups keep CO2e by gas group). */
export type InventoryTotals = Omit<Totals, 'gases_kg'>;

/** Scope 1 + Scope 2 on one basis, in whole grams: the headline of Scope 1+2 programmes. */
export function scope12Kg(t: Pick<InventoryTotals, 'scope1_kg' | 'scope2_location_kg' | 'scope2_market_kg'>, basis: 'market' | 'location'): number {
  return roundKg(t.scope1_kg + (basis === 'market' ? t.scope2_market_kg : t.scope2_location_kg));
}

export interface Breakdown {
  readonly name: string;
  readonly scope1_kg: number;
  readonly scope2_location_kg: number;
  readonly scope2_market_kg: number;
  readonly scope3_kg: number;
  readonly total_market_kg: number;
}

export interface Inventory {
  readonly totals: InventoryTotals;
  readonly scope3_methods_kg: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly supplier_specific_share_pct: number | null;
  readonly by_entity: readonly Breakdown[];
  readonly by_site: readonly Breakdown[];
  readonly by_business_unit: readonly Breakdown[];
  readonly by_month: readonly Breakdown[];
}

const GAS_GROUPS = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'] as const;
/** Methods that count as supplier data in the Scope 3 Standard's sense. */
const SUPPLIER_METHODS = new Set(['supplier-specific', 'hybrid']);

class Sums {
  s1 = 0;
  s2l = 0;
  s2m = 0;
  s3 = 0;

  add(r: InventoryRow): void {
    const k = r.share;
    if (r.scope === 1) this.s1 += r.co2eKg * k;
    else if (r.scope === 2) {
      this.s2l += r.co2eKg * k;
      this.s2m += r.marketCo2eKg * k;
    } else this.s3 += r.co2eKg * k;
  }

  breakdown(name: string): Breakdown {
    return {
      name, scope1_kg: roundKg(this.s1), scope2_location_kg: roundKg(this.s2l), scope2_market_kg: roundKg(this.s2m),
      scope3_kg: roundKg(this.s3), total_market_kg: roundKg(this.s1 + this.s2m + this.s3),
    };
  }
}

function groupBy(rows: readonly InventoryRow[], key: (r: InventoryRow) => string): Breakdown[] {
  const m = new Map<string, Sums>();
  for (const r of rows) {
    const k = key(r);
    let s = m.get(k);
    if (s === undefined) m.set(k, (s = new Sums()));
    s.add(r);
  }
  return [...m.keys()].sort().map((k) => (m.get(k) as Sums).breakdown(k));
}

export function buildInventory(rows: readonly InventoryRow[]): Inventory {
  const all = new Sums();
  let biogenic = 0;
  const byCategory = new Map<number, number>();
  const methods: Record<string, Record<string, number>> = {};
  const gases = GAS_GROUPS.map(() => 0);
  let supplier = 0;
  for (const r of rows) {
    all.add(r);
    biogenic += r.biogenicCo2Kg * r.share;
    r.gasesKg.forEach((g, i) => (gases[i] = (gases[i] ?? 0) + g * r.share));
    if (r.scope === 3 && r.category !== null) {
      const kg = r.co2eKg * r.share;
      byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + kg);
      const perMethod = (methods[String(r.category)] ??= {});
      const m = r.method ?? 'unstated';
      perMethod[m] = (perMethod[m] ?? 0) + kg;
      if (SUPPLIER_METHODS.has(m)) supplier += kg;
    }
  }
  const categories: Record<string, number> = {};
  for (const c of [...byCategory.keys()].sort((a, b) => a - b)) categories[String(c)] = roundKg(byCategory.get(c) ?? 0);
  for (const perMethod of Object.values(methods)) for (const m of Object.keys(perMethod)) perMethod[m] = roundKg(perMethod[m] ?? 0);
  const byGas: Record<string, number> = {};
  GAS_GROUPS.forEach((g, i) => (byGas[g] = roundKg(gases[i] ?? 0)));
  const location = all.s1 + all.s2l + all.s3;
  byGas.unsplit = roundKg(location - gases.reduce((a, b) => a + b, 0));
  return {
    totals: {
      scope1_kg: roundKg(all.s1), scope2_location_kg: roundKg(all.s2l), scope2_market_kg: roundKg(all.s2m),
      scope3_kg: roundKg(all.s3), scope3_by_category_kg: categories, total_location_kg: roundKg(location),
      total_market_kg: roundKg(all.s1 + all.s2m + all.s3), biogenic_co2_kg: roundKg(biogenic), co2e_by_gas_kg: byGas,
    },
    scope3_methods_kg: methods,
    supplier_specific_share_pct: all.s3 === 0 ? null : Math.round((supplier / all.s3) * 10000) / 100,
    by_entity: groupBy(rows, (r) => r.entity),
    by_site: groupBy(rows, (r) => r.site),
    by_business_unit: groupBy(rows, (r) => r.unit ?? '(none)'),
    by_month: groupBy(rows, (r) => r.month.slice(0, 7)),
  };
}

/** Percentage change from `before` to `after`, to 0.01 %; null when there is no base. */
export function changePct(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((after - before) / before) * 10000) / 100;
}
