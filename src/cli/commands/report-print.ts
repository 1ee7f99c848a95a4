/**
 * @module cli/commands/report-print
 * The inventory as text for a terminal.
 */
import type { InventoryReport } from '../../app/report/report-inventory.js';
import { scope12Kg } from '../../core/index.js';

/** Tonnes to one decimal, always shown (26,945.0 t, not 26,945 t beside 398.4 t). */
const t = (kg: number): string => (kg / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A change to one decimal, always shown, with its sign. */
const signed = (x: number): string => {
  const s = Math.abs(x).toFixed(1);
  return s === '0.0' ? '0.0%' : `${x > 0 ? '+' : '-'}${s}%`;
};
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '' : ` (${signed(x)})`);

export function printInventory(r: InventoryReport, print: (line: string) => void): void {
  const x = r.totals;
  const c = r.change_pct;
  print(`${r.org.name} — GHG inventory ${r.year} (${r.period.start} … ${r.period.end}, exclusive end)`);
  print(`Consolidation: ${r.consolidation.replace('_', ' ')}; GWP ${r.calc_version.gwp}; calculation version ${r.calc_version.id}`);
  if (r.audit_head !== null) {
    print(`Audit log head: ${r.audit_head.seq}:${r.audit_head.hash} (later: audit verify --org ${r.org.slug} --head ${r.audit_head.seq}:${r.audit_head.hash})`);
  }
  print(`  Scope 1                 ${t(x.scope1_kg).padStart(14)} t${pct(c?.scope1_kg)}`);
  print(`  Scope 2 location-based  ${t(x.scope2_location_kg).padStart(14)} t${pct(c?.scope2_location_kg)}`);
  print(`  Scope 2 market-based    ${t(x.scope2_market_kg).padStart(14)} t${pct(c?.scope2_market_kg)}`);
  print(`  Scope 1+2 market-based  ${t(scope12Kg(x, 'market')).padStart(14)} t${pct(c?.scope12_market_kg)}`);
  print(`  Scope 3                 ${t(x.scope3_kg).padStart(14)} t${pct(c?.scope3_kg)}`);
  for (const [cat, kg] of Object.entries(x.scope3_by_category_kg)) print(`    category ${cat.padEnd(12)} ${t(kg).padStart(14)} t`);
  print(`  Total market-based      ${t(x.total_market_kg).padStart(14)} t${pct(c?.total_market_kg)}`);
  print(`  Total location-based    ${t(x.total_location_kg).padStart(14)} t${pct(c?.total_location_kg)}`);
  print(`  Biogenic CO2 (outside)  ${t(x.biogenic_co2_kg).padStart(14)} t`);
  if (r.supplier_specific_share_pct !== null) print(`  Scope 3 from supplier-specific data: ${r.supplier_specific_share_pct.toFixed(1)}%`);
  for (const [k, v] of Object.entries(r.intensity)) print(`  Intensity ${k.replace('_', ' ')}: ${v.value} ${v.unit}`);
  if (c?.revenue != null) print(`  Revenue change: ${signed(c.revenue)}`);
  const partial = coverageNote(r);
  if (partial !== null) print(`  ! ${partial}`);
  for (const w of r.warnings) print(`  ! ${w}`);
  print('Run with --json for every breakdown (entity, site, business unit, month, gas, Scope 3 methods).');
}

/** Said when the year and the one it is compared with have records starting in different months. */
function coverageNote(r: InventoryReport): string | null {
  const { months, previous_months: before, same_months: same } = r.coverage;
  const inMonths = (n: number): string => `${n} ${n === 1 ? 'month' : 'months'}`;
  return same !== false ? null : `${r.year} has records in ${inMonths(months)} of the year, the year before in ${before}: the changes compare unlike periods.`;
}
