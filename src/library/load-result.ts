/**
 * @module library/load-result
 * What a dataset loader returns: its factors, and a count of the source rows it left out and why,
 * so that nothing is dropped silently (the counts are listed in data/README.md and tested).
 */
import type { EmissionFactor } from '../core/factors/factor.js';

export interface LoadResult {
  readonly factors: readonly EmissionFactor[];
  /** Reason → number of source rows skipped for it. */
  readonly skipped: Readonly<Record<string, number>>;
}

export class SkipLog {
  private readonly counts: Record<string, number> = {};

  add(reason: string, rows = 1): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + rows;
  }

  result(factors: readonly EmissionFactor[]): LoadResult {
    return { factors, skipped: { ...this.counts } };
  }
}
