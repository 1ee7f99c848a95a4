/**
 * @module library/load-library
 * The shipped emission-factor library: every dataset in data/ loaded into one FactorIndex, with
 * the GWP sets. Loading reads ~1.5 MB of CSV, so the result is memoised per data directory.
 *
 * @example
 * const lib = loadLibrary();
 * lib.index.select({ activity: 'electricity.grid', region: 'US-RFCE', year: 2024 });
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, EmissionFactor } from '../core/factors/factor.js';
import { FactorIndex } from '../core/factors/factor-index.js';
import type { GwpSet, GwpSetName } from '../core/gwp/gwp.js';
import { loadChinaVietnamGrid } from './china-vietnam-grid.js';
import { ALL_DATASETS } from './datasets.js';
import { loadDesnz2025 } from './desnz-2025.js';
import { loadEpaHub2024 } from './epa-hub-2024.js';
import { loadEpaSupplyChain } from './epa-supply-chain.js';
import { loadGasFactors, loadGwpSets } from './gwp-sets.js';
import type { LoadResult } from './load-result.js';
import { loadOwidEmber } from './owid-ember.js';
import { loadReportedEmissions } from './reported-emissions.js';
import { loadResidualMixes } from './residual-mix.js';

export interface Library {
  readonly factors: readonly EmissionFactor[];
  readonly index: FactorIndex;
  readonly gwpSets: Readonly<Record<GwpSetName, GwpSet>>;
  readonly datasets: readonly Dataset[];
}

/** Every dataset loader, in the order their factors are indexed. */
export const LOADERS: readonly ((dataDir: string) => LoadResult)[] = [
  loadEpaHub2024,
  loadEpaSupplyChain,
  loadDesnz2025,
  loadOwidEmber,
  loadChinaVietnamGrid,
  loadResidualMixes,
  loadGasFactors,
  loadReportedEmissions,
];

/**
 * `data/` at the package root. This module sits one level below the root both as source
 * (src/library/load-library.ts, under vitest) and compiled (dist/library/load-library.js).
 */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

const cache = new Map<string, Library>();

export function loadLibrary(dataDir = defaultDataDir()): Library {
  const key = resolve(dataDir);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const factors = LOADERS.flatMap((load) => load(key).factors);
  const library: Library = {
    factors,
    index: new FactorIndex(factors),
    gwpSets: loadGwpSets(key),
    datasets: ALL_DATASETS,
  };
  cache.set(key, library);
  return library;
}
