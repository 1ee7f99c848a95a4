/**
 * @module calc/totals
 * Totals as exact sums. Each line's kg is rounded to whole grams once; scope totals add those
 * integers, so a total always equals the sum of the lines shown, in any order. Integers stay exact
 * up to 2^53 g ≈ 9 Gt. Per-gas totals are computed from the summed amount per factor, which keeps
 * the per-line cost to one addition. See docs/adr/0004-numbers-and-rounding.md.
 */
import { co2eByGasPerUnit, gasGroup, type GwpSet } from '../gwp/gwp.js';
import type { LineResult, Totals } from './model.js';
import type { PreparedFactor } from './resolve-factor.js';

/** kg → whole grams (half away from zero). */
export function toGrams(kg: number): number {
  return kg < 0 ? -Math.round(-kg * 1000) : Math.round(kg * 1000);
}

/** kg rounded to whole grams, as reported on every line. */
export function roundKg(kg: number): number {
  return toGrams(kg) / 1000;
}

/**
 * Whole grams as the decimal kg text `String(grams / 1000)` gives, without the general
 * double-to-text conversion (the costliest step of writing a million result lines).
 */
export function gramsToKgText(grams: number): string {
  // Beyond 1e15 g (1 Gt) a double no longer holds every gram: fall back to the general conversion.
  if (!(Math.abs(grams) < 1e15)) return String(grams / 1000);
  const sign = grams < 0 ? '-' : '';
  const abs = Math.abs(grams);
  const whole = Math.floor(abs / 1000);
  const frac = abs - whole * 1000;
  if (frac === 0) return sign + whole;
  const digits = frac < 10 ? `00${frac}` : frac < 100 ? `0${frac}` : String(frac);
  return `${sign}${whole}.${digits.endsWith('00') ? digits[0] : digits.endsWith('0') ? digits.slice(0, 2) : digits}`;
}

export class TotalsAccumulator {
  private scope1 = 0;
  private scope2Location = 0;
  private scope2Market = 0;
  private scope3 = 0;
  private biogenic = 0;
  private readonly byCategory: number[] = new Array<number>(16).fill(0);
  private readonly categoriesSeen = new Set<number>();
  /** Summed amount (in the factor's unit) per factor, for per-gas totals. */
  private readonly amounts = new Map<PreparedFactor, number>();

  constructor(private readonly gwp: GwpSet) {}

  add(line: LineResult, prepared: PreparedFactor): void {
    const g = toGrams(line.co2eKg);
    const scope = line.activity.scope;
    if (scope === 1) this.scope1 += g;
    else if (scope === 2) {
      this.scope2Location += g;
      this.scope2Market += toGrams(line.marketCo2eKg ?? line.co2eKg);
    } else {
      this.scope3 += g;
      const c = line.activity.category;
      if (c !== null) {
        this.byCategory[c] = (this.byCategory[c] ?? 0) + g;
        this.categoriesSeen.add(c);
      }
    }
    if (line.biogenicCo2Kg !== 0) this.biogenic += toGrams(line.biogenicCo2Kg);
    this.amounts.set(prepared, (this.amounts.get(prepared) ?? 0) + line.amount);
  }

  result(): Totals {
    const byCategory: Record<string, number> = {};
    for (const c of [...this.categoriesSeen].sort((a, b) => a - b)) byCategory[String(c)] = (this.byCategory[c] ?? 0) / 1000;
    const { gases, byGroup } = this.gasTotals();
    return {
      scope1_kg: this.scope1 / 1000,
      scope2_location_kg: this.scope2Location / 1000,
      scope2_market_kg: this.scope2Market / 1000,
      scope3_kg: this.scope3 / 1000,
      scope3_by_category_kg: byCategory,
      total_location_kg: (this.scope1 + this.scope2Location + this.scope3) / 1000,
      total_market_kg: (this.scope1 + this.scope2Market + this.scope3) / 1000,
      biogenic_co2_kg: this.biogenic / 1000,
      gases_kg: gases,
      co2e_by_gas_kg: byGroup,
    };
  }

  private gasTotals(): { gases: Record<string, number>; byGroup: Record<string, number> } {
    const mass = new Map<string, number>();
    const group = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
    for (const [p, amount] of this.amounts) {
      let split = 0;
      for (const [species, perUnit] of Object.entries(p.factor.gases ?? {})) bump(mass, species, amount * perUnit);
      for (const [species, perUnit] of co2eByGasPerUnit(p.factor, this.gwp)) {
        const co2e = amount * perUnit;
        bump(group, gasGroup(species), co2e);
        split += co2e;
      }
      const rest = amount * p.kgCo2ePerUnit - split;
      if (Math.abs(rest) >= 0.0005) bump(group, 'unsplit', rest);
    }
    return { gases: sortedRounded(mass), byGroup: sortedRounded(group) };
  }
}

function sortedRounded(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort()) out[k] = roundKg(m.get(k) ?? 0);
  return out;
}
