/**
 * @module factors/search-factors
 * Text search over factors: every word must appear in the id, name, activity or dataset name.
 * A region keeps the factors usable there (the region itself and every region enclosing it); a
 * year keeps, per activity and region, the latest factor not after that year.
 *
 * @example
 * searchFactors(index.all(), { text: 'natural gas', region: 'US', year: 2024, limit: 10 })
 */
import { regionChain } from '../regions/regions.js';
import type { EmissionFactor } from './factor.js';

export interface FactorSearch {
  readonly text: string;
  readonly region?: string;
  readonly year?: number;
  readonly limit: number;
}

export function searchFactors(factors: Iterable<EmissionFactor>, q: FactorSearch): EmissionFactor[] {
  const words = q.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const regions = q.region === undefined ? null : new Set(regionChain(q.region));
  const hits: EmissionFactor[] = [];
  for (const f of factors) {
    if (regions !== null && !regions.has(f.region)) continue;
    if (q.year !== undefined && f.year !== null && f.year > q.year) continue;
    const hay = `${f.id} ${f.name} ${f.activity} ${f.dataset?.name ?? ''}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) hits.push(f);
  }
  const kept = q.year === undefined ? hits : latestPerActivityRegion(hits);
  kept.sort(compare);
  return kept.slice(0, q.limit);
}

function latestPerActivityRegion(factors: readonly EmissionFactor[]): EmissionFactor[] {
  const best = new Map<string, EmissionFactor>();
  for (const f of factors) {
    const key = `${f.activity}|${f.region}|${f.unit}`;
    const current = best.get(key);
    if (current === undefined || (f.year ?? -Infinity) > (current.year ?? -Infinity)) best.set(key, f);
  }
  return [...best.values()];
}

/** Specific regions first, then newest, then id: a stable order. */
function compare(a: EmissionFactor, b: EmissionFactor): number {
  const depth = (f: EmissionFactor): number => regionChain(f.region).length;
  return depth(b) - depth(a) || (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
