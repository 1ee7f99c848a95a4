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

  add(key: RollupKey, co2eKg: number, marketKg: number, biogenicKg: number, gasGroupsKg: readonly number[]): void {
    const k = `${key.month}|${key.entityId}|${key.siteId}|${key.unitId}|${key.scope}|${key.category}|${key.method}`;
    let row = this.rows.get(k);
    if (row === undefined) {
      row = { key, sums: { co2eG: 0, marketG: 0, biogenicG: 0, gasesG: gasGroupsKg.map(() => 0), lines: 0 } };
      this.rows.set(k, row);
    }
    const s = row.sums;
    s.co2eG += toGrams(co2eKg);
    s.marketG += toGrams(marketKg);
    s.biogenicG += toGrams(biogenicKg);
    for (let i = 0; i < gasGroupsKg.length; i++) s.gasesG[i] = (s.gasesG[i] ?? 0) + toGrams(gasGroupsKg[i] ?? 0);
    s.lines += 1;
  }

  entries(): IterableIterator<{ key: RollupKey; sums: RollupSums }> {
    return this.rows.values();
  }
}
