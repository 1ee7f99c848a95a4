/**
 * @module cli/commands/calc-print
 * The human-readable `calc` summary: one row per line, then totals on both Scope 2 bases.
 */
import type { CalcOutput } from '../../app/calc/output.js';

const t = (kg: number): string => (kg / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });

export function printCalcSummary(out: CalcOutput, print: (line: string) => void): void {
  print(`GWP set ${out.gwp}; ${out.results.length} lines (tCO2e)`);
  for (const r of out.results) {
    const market = r.market_co2e_kg === null ? '' : `  market ${t(r.market_co2e_kg)}`;
    const scope = r.category === null ? `S${r.scope}` : `S3.${r.category}`;
    print(`  ${r.id.padEnd(16)} ${scope.padEnd(6)} ${t(r.co2e_kg).padStart(14)}${market}  [${r.factor}]`);
  }
  for (const i of out.instruments) {
    const why = i.excluded === null ? '' : `  EXCLUDED (${i.excluded.criterion}): ${i.excluded.reason}`;
    print(`  instrument ${i.id}: ${i.applied_mwh} MWh applied${why}`);
  }
  const x = out.totals;
  print(`Scope 1 ${t(x.scope1_kg)} | Scope 2 location ${t(x.scope2_location_kg)} / market ${t(x.scope2_market_kg)} | Scope 3 ${t(x.scope3_kg)}`);
  print(`Total location-based ${t(x.total_location_kg)} | market-based ${t(x.total_market_kg)} | biogenic CO2 (outside scopes) ${t(x.biogenic_co2_kg)}`);
  print('Run with --json for every line with its explanation.');
}
