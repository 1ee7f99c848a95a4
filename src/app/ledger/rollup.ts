/**
 * @module ledger/rollup
 * Accumulates line results into the monthly rollup rows reports read: one row per month × entity ×
 * site × business unit × scope × category × method. Values are sums of lines rounded to grams.
 */
import { toGrams } from '../../core/index.js';

export interface RollupKey {
  readonly month: string;
  readonly entityId: number;
  readonly siteId: number;
  readonly unitId: number;
  readonly scope: number;
  readonly category: number;
  readonly method: string;
}

export interface RollupSums {
  co2eG: number;
  marketG: number;
  biogenicG: number;
  /** Gas groups, grams CO2e, in GAS_GROUP_COLUMNS order. */
  readonly gasesG: number[];
  lines: number;
}

export class RollupAccumulator {
  private readonly rows = new Map<string, { key: RollupKey; sums: RollupSums }>();

  /** One line: its CO2e (location- and market-based), biogenic CO2, and gas groups as kg per unit × `amount` units. */
  add(key: RollupKey, co2eKg: number, marketKg: number, biogenicKg: number, gasGroupsPerUnit: readonly number[], amount: number): void {
    const s = this.row(key, gasGroupsPerUnit.length);
    s.co2eG += toGrams(co2eKg);
    s.marketG += toGrams(marketKg);
    s.biogenicG += toGrams(biogenicKg);
    for (let i = 0; i < gasGroupsPerUnit.length; i++) s.gasesG[i] = (s.gasesG[i] ?? 0) + toGrams((gasGroupsPerUnit[i] ?? 0) * amount);
    s.lines += 1;
  }

  /** Adds the sums of a stored rollup row (an earlier version's, when a version is extended). */
  merge(key: RollupKey, sums: RollupSums): void {
    const s = this.row(key, sums.gasesG.length);
    s.co2eG += sums.co2eG;
    s.marketG += sums.marketG;
    s.biogenicG += sums.biogenicG;
    for (let i = 0; i < sums.gasesG.length; i++) s.gasesG[i] = (s.gasesG[i] ?? 0) + (sums.gasesG[i] ?? 0);
    s.lines += sums.lines;
  }

  private row(key: RollupKey, gases: number): RollupSums {
    const k = `${key.month}|${key.entityId}|${key.siteId}|${key.unitId}|${key.scope}|${key.category}|${key.method}`;
    let row = this.rows.get(k);
    if (row === undefined) {
      row = { key, sums: { co2eG: 0, marketG: 0, biogenicG: 0, gasesG: new Array<number>(gases).fill(0), lines: 0 } };
      this.rows.set(k, row);
    }
    return row.sums;
  }

  entries(): IterableIterator<{ key: RollupKey; sums: RollupSums }> {
    return this.rows.values();
  }
}
