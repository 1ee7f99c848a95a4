/**
 * @module report/inventory-table
 * The inventory as tables (one per section), shared by the CSV and XLSX exports so both carry the
 * same figures as the JSON.
 */
import { scope12Kg, type Breakdown } from '../../core/index.js';
import type { InventoryReport } from './report-inventory.js';
import { reportLabels, type ReportLabels } from './report-labels.js';

export interface Table {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const t = (kg: number): number => Math.round(kg) / 1000;

function breakdownTable(name: string, rows: readonly Breakdown[], l: ReportLabels): Table {
  const tonnes = (label: string): string => `${label} (${l.tonnes})`;
  return {
    name,
    header: [name, tonnes(l.scope1), tonnes(l.scope2Location), tonnes(l.scope2Market), tonnes(l.scope3), tonnes(l.totalMarket)],
    rows: rows.map((b) => [b.name, t(b.scope1_kg), t(b.scope2_location_kg), t(b.scope2_market_kg), t(b.scope3_kg), t(b.total_market_kg)]),
  };
}

/** The tables, labelled in `lang` (en, zh-Hans, zh-Hant, vi; default English). */
export function inventoryTables(r: InventoryReport, lang?: string): Table[] {
  const l = reportLabels(lang);
  const x = r.totals;
  const p = r.previous;
  const line = (label: string, now: number, before: number | undefined, change: number | null | undefined): (string | number | null)[] =>
    [label, t(now), before === undefined ? null : t(before), change ?? null];
  const totals: Table = {
    name: l.totals,
    header: [l.line, l.thisYearT(r.year), l.previousT, l.changePct],
    rows: [
      line(l.scope1, x.scope1_kg, p?.scope1_kg, r.change_pct?.scope1_kg),
      line(l.scope2Location, x.scope2_location_kg, p?.scope2_location_kg, r.change_pct?.scope2_location_kg),
      line(l.scope2Market, x.scope2_market_kg, p?.scope2_market_kg, r.change_pct?.scope2_market_kg),
      line(l.scope12Market, scope12Kg(x, 'market'), p === null ? undefined : scope12Kg(p, 'market'), r.change_pct?.scope12_market_kg),
      line(l.scope12Location, scope12Kg(x, 'location'), p === null ? undefined : scope12Kg(p, 'location'), r.change_pct?.scope12_location_kg),
      line(l.scope3, x.scope3_kg, p?.scope3_kg, r.change_pct?.scope3_kg),
      line(l.totalLocation, x.total_location_kg, p?.total_location_kg, r.change_pct?.total_location_kg),
      line(l.totalMarket, x.total_market_kg, p?.total_market_kg, r.change_pct?.total_market_kg),
      line(l.biogenic, x.biogenic_co2_kg, p?.biogenic_co2_kg, null),
      ...Object.entries(x.co2e_by_gas_kg).map(([gas, kg]) => line(l.gas(gas), kg, p?.co2e_by_gas_kg[gas], null)),
    ],
  };
  // What the figures are, so that a file published from a calculation version can be traced to it.
  const about: Table = {
    name: l.about,
    header: [l.field, l.value],
    rows: [
      [l.organisation, `${r.org.name} (${r.org.slug})`], [l.reportingYear, r.year], [l.period, `${r.period.start} – ${r.period.end}`],
      [l.coverage(r.coverage.same_months === false), `${r.coverage.months} (${r.coverage.previous_months ?? '–'})`],
      [l.consolidation, l.approach(r.consolidation)], [l.gwpSet, r.calc_version.gwp], [l.calcVersion, r.calc_version.id],
      [l.calculatedAt, r.calc_version.created_at], [l.libraryHash, r.calc_version.library_hash],
      ...(r.audit_head === null ? [] : [[l.auditHead, `${r.audit_head.seq}:${r.audit_head.hash}`] as [string, string]]),
      ...r.notices.map((n) => [l.note, l.notice(n)] as [string, string]),
    ],
  };
  const scope3: Table = {
    name: l.scope3Sheet,
    header: [l.category, l.method, l.tonnes],
    rows: Object.entries(r.scope3_methods_kg).flatMap(([c, methods]) => Object.entries(methods).map(([m, kg]) => [l.categoryName(Number(c)), l.methodName(m), t(kg)])),
  };
  return [about, totals, scope3, breakdownTable(l.entity, r.by_entity, l), breakdownTable(l.site, r.by_site, l),
    breakdownTable(l.businessUnit, r.by_business_unit, l), breakdownTable(l.month, r.by_month, l)];
}
