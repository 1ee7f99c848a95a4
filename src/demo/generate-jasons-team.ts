/**
 * `npm run demo:generate` — writes examples/demo/jasons-team/*.csv: the monthly activity exports of
 * FY2021 and FY2022 and the energy-attribute certificates, calibrated with the real engine and
 * library so that the inventory reproduces seed 000 (Scope 1+2 market-based −17 %, Scope 3 +23 %,
 * 87 % of Scope 3 from supplier data). The files are committed; `carbon-ledger demo` imports them
 * through the same path a user would use. Deterministic: running it again gives the same files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calculate } from '../app/calc/calculate.js';
import { selectionRegion } from '../app/ledger/selection-region.js';
import { csvRow } from '../db/database.js';
import { loadLibrary } from '../library/load-library.js';
import { MONTH_PROFILE, SITES, SOURCES, TARGETS, type SourcePlan } from './jasons-team-plan.js';

const OUT = fileURLToPath(new URL('../../examples/demo/jasons-team/', import.meta.url));
const lib = loadLibrary();

interface Row { readonly source: SourcePlan; readonly fy: 2021 | 2022; readonly month: string; readonly quantity: number }

const months = (fy: number): string[] =>
  Array.from({ length: 12 }, (_, i) => { const m = ((6 + i) % 12) + 1; return `${m >= 7 ? fy - 1 : fy}-${String(m).padStart(2, '0')}`; });

function rows(fy: 2021 | 2022, scale: (s: SourcePlan) => number): Row[] {
  return SOURCES.flatMap((s) => months(fy).map((month, i) => ({
    source: s, fy, month, quantity: Math.round(s.base * (MONTH_PROFILE[i] ?? 1) * scale(s) * 100) / 100,
  })));
}

interface Certificate { readonly id: string; readonly market: string; readonly mwh: number; readonly vintage: number; readonly kind: string }

/** Totals of a set of rows through the calc engine, with the sites' regions as the ledger uses them. */
function totals(all: readonly Row[], certs: readonly Certificate[], fy: number) {
  const site = (n: string) => SITES.find((x) => x.name === n)!;
  const activities = all.map((r, i) => {
    const s = site(r.source.site);
    const electricity = r.source.scope === 2;
    return {
      id: i, scope: r.source.scope, category: r.source.category ?? null, method: r.source.method ?? null, quantity: r.quantity,
      unit: r.source.unit, factor: r.source.factor ?? null, activity: r.source.activity ?? null,
      region: selectionRegion(s, r.source.scope, r.source.activity ?? null), period: r.month, market: electricity ? s.market : null, supplier: r.source.supplier ?? null,
    };
  });
  const instruments = certs.map((c) => ({ id: c.id, kind: c.kind, market: c.market, quantity: c.mwh, unit: 'MWh', co2e: 0, co2e_unit: 'kg/MWh', vintage: c.vintage }));
  const out = calculate({ activities, instruments }, lib);
  let s12 = 0; let s3 = 0; let supplier = 0;
  out.results.forEach((res, i) => {
    if ((all[i] as Row).fy !== fy) return;
    if (res.scope === 3) { s3 += res.co2e_kg; if (res.method === 'supplier-specific') supplier += res.co2e_kg; }
    else s12 += res.market_co2e_kg ?? res.co2e_kg;
  });
  return { s12, s3, supplier };
}

const isSupplier = (s: SourcePlan): boolean => s.method === 'supplier-specific';

// FY2021: non-supplier Scope 3 at base; supplier-reported tonnes sized for an 80 % supplier share.
const pre21 = totals(rows(2021, (s) => (isSupplier(s) ? 0 : 1)), [], 2021);
const supplier21 = (pre21.s3 * TARGETS.supplierShareFy2021) / (1 - TARGETS.supplierShareFy2021);
const suppliers = SOURCES.filter(isSupplier);
const weights = [0.5, 0.3, 0.2];
const perSupplierMonth = (total: number, s: SourcePlan): number => (total / 1000) * (weights[suppliers.indexOf(s)] ?? 0) / 12;
const fy21 = rows(2021, (s) => (isSupplier(s) ? perSupplierMonth(supplier21, s) : 1));
const t21 = totals(fy21, [], 2021);

// FY2022: Scope 3 to +23 % with 87 % from suppliers; non-supplier lines scaled to the remaining 13 %.
const s3Target = t21.s3 * (1 + TARGETS.scope3Change);
const pre22 = totals([...fy21, ...rows(2022, (s) => (isSupplier(s) ? 0 : s.growth))], [], 2022);
const nonSupplierScale = (s3Target * (1 - TARGETS.supplierShareFy2022)) / pre22.s3;
const fy22 = rows(2022, (s) => (isSupplier(s) ? perSupplierMonth(s3Target * TARGETS.supplierShareFy2022, s)
  : s.growth * (s.scope === 3 ? nonSupplierScale : 1)));

// Certificates of vintage 2022 (US RECs, an Irish guarantee of origin, a Chinese green electricity
// certificate): bisect the MWh that bring Scope 1+2 (market-based) to −17 %.
const certs = (mwh: number): Certificate[] => [
  { id: 'REC-US-2022-0001', kind: 'certificate', market: 'US', mwh: Math.round(mwh * 0.6), vintage: 2022 },
  { id: 'GO-IE-2022-0001', kind: 'certificate', market: 'IE', mwh: Math.round(mwh * 0.3), vintage: 2022 },
  { id: 'GEC-CN-2022-0001', kind: 'certificate', market: 'CN', mwh: Math.round(mwh * 0.1), vintage: 2022 },
];
const s12Target = t21.s12 * (1 + TARGETS.scope12MarketChange);
let lo = 0; let hi = 50_000;
for (let i = 0; i < 40; i++) {
  const mid = (lo + hi) / 2;
  if (totals([...fy21, ...fy22], certs(mid), 2022).s12 > s12Target) lo = mid; else hi = mid;
}
const finalCerts = certs(hi);
const t22 = totals([...fy21, ...fy22], finalCerts, 2022);

const HEADER = ['source_id', 'site', 'business_unit', 'period', 'scope', 'category', 'method', 'quantity', 'unit', 'factor', 'activity', 'supplier'];
function activityCsv(list: readonly Row[]): string {
  return HEADER.join(',') + '\n' + list.map((r) => {
    const s = r.source;
    const unit = SITES.find((x) => x.name === s.site)?.unit;
    return csvRow([`${s.key}-${r.month}`, s.site, unit, r.month, s.scope, s.category, s.method, r.quantity, s.unit, s.factor, s.activity, s.supplier]);
  }).join('');
}
writeFileSync(`${OUT}activities-fy2021.csv`, activityCsv(fy21));
writeFileSync(`${OUT}activities-fy2022.csv`, activityCsv(fy22));
writeFileSync(`${OUT}certificates.csv`, 'id,kind,market,quantity,unit,co2e,co2e_unit,vintage,serial,retired\n' +
  finalCerts.map((c) => csvRow([c.id, c.kind, c.market, c.mwh, 'MWh', 0, 'kg/MWh', c.vintage, `${c.id}/1-${c.mwh}`, true])).join(''));

const pct = (a: number, b: number): string => `${(((b - a) / a) * 100).toFixed(2)}%`;
console.log(`FY2021 S1+2 market ${(t21.s12 / 1000).toFixed(1)} t, S3 ${(t21.s3 / 1000).toFixed(1)} t, supplier share ${((t21.supplier / t21.s3) * 100).toFixed(1)}%`);
console.log(`FY2022 S1+2 market ${(t22.s12 / 1000).toFixed(1)} t (${pct(t21.s12, t22.s12)}), S3 ${(t22.s3 / 1000).toFixed(1)} t (${pct(t21.s3, t22.s3)}), supplier share ${((t22.supplier / t22.s3) * 100).toFixed(1)}%`);
console.log(`certificates: ${finalCerts.map((c) => `${c.id} ${c.mwh} MWh`).join(', ')}; wrote ${OUT}`);
