/**
 * @module org/org-text
 * Short readable text for the org commands; the JSON forms are the use cases' results.
 */
import { gridFallbackText } from './grid-factor-note.js';
import { reportingYearLabel, reportingYearRange } from '../../core/index.js';
import type { EntityPeriod } from '../ledger/model.js';
import { percent } from './consolidation-share.js';
import type { EntityPeriodView, OrgDescription, OrgSummary } from './describe-organisation.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `calendar years` or `years from July (FY2022 = 2021-07-01 to 2022-06-30)`. */
export function yearsText(startMonth: number): string {
  if (startMonth === 1) return 'calendar years';
  const r = reportingYearRange(2022, startMonth);
  const last = new Date(`${r.end}T00:00:00Z`);
  last.setUTCDate(0);
  return `years from ${MONTHS[startMonth - 1]} (${reportingYearLabel(2022, startMonth)} = ${r.start} to ${last.toISOString().slice(0, 10)})`;
}

export function orgLine(o: OrgSummary): string {
  return `${o.slug}  ${o.name} · ${o.consolidation} · ${yearsText(o.year_start_month)} · ${o.currency}`;
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export function periodText(p: EntityPeriodView | EntityPeriod): string {
  const v = 'from' in p
    ? p
    : { from: p.validFrom, ownership_pct: p.ownershipPct, financial_control: p.financialControl, operational_control: p.operationalControl };
  return `from ${v.from}: ${v.ownership_pct}% owned, financial control ${yesNo(v.financial_control)}, operational control ${yesNo(v.operational_control)}`;
}

export function periodLabel(m: { year: string | null; period_start: string; period_end: string }): string {
  const dates = `${m.period_start} to ${m.period_end}, end exclusive`;
  return m.year === null ? dates : `${m.year} (${dates})`;
}

export function describeText(d: OrgDescription): string[] {
  const lines = [orgLine(d)];
  lines.push(`entities (share on ${d.as_of} under ${d.consolidation}):`);
  if (d.entities.length === 0) lines.push('  none');
  for (const e of d.entities) {
    lines.push(`  ${e.name}${e.country === null ? '' : ` (${e.country})`}: ${percent(e.share)} — ${e.share_reason}`);
    for (const p of e.periods) lines.push(`    ${periodText(p)}`);
  }
  lines.push('sites:');
  if (d.sites.length === 0) lines.push('  none');
  for (const s of d.sites) {
    const grid = gridFallbackText(s.grid_region, s.grid_factor_region);
    lines.push(`  ${s.name}: ${s.entity}, ${s.country}, grid region ${s.grid_region}, market ${s.market}${grid === null ? '' : `\n    note: ${grid}`}`);
  }
  lines.push(`business units: ${d.business_units.length === 0 ? 'none' : d.business_units.join(', ')}`);
  lines.push('metrics:');
  if (d.metrics.length === 0) lines.push('  none');
  for (const m of d.metrics) lines.push(`  ${m.metric} ${periodLabel(m)}: ${m.value} ${m.unit}`);
  return lines;
}
