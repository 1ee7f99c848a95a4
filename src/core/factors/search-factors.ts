/**
 * @module factors/search-factors
 * Text search over factors: every word must appear in the id, name, activity or dataset name.
 * A region keeps the factors usable there (the region itself and every region enclosing it); a
 * year keeps, per activity, region and unit, the factor selection would take for that year (ADR
 * 0002): the latest not after it, else the earliest published after it.
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
    const hay = `${f.id} ${f.name} ${f.activity} ${f.dataset?.name ?? ''}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) hits.push(f);
  }
  const kept = q.year === undefined ? hits : forYear(hits, q.year);
  kept.sort(compare);
  return kept.slice(0, q.limit);
}

/**
 * When the library has no factor for `region` itself, the regions of `hits` (the factors listed
 * instead, of the regions it falls back to): a code the library does not know reads like one it
 * does otherwise. Null when the region has factors of its own, or nothing was found.
 */
export function regionFallbacks(factors: Iterable<EmissionFactor>, region: string, hits: readonly EmissionFactor[]): string[] | null {
  if (hits.length === 0) return null;
  for (const f of factors) if (f.region === region) return null;
  return [...new Set(hits.map((f) => f.region))];
}

/** Per activity, region and unit: the latest factor not after `year`, else the earliest after it. */
function forYear(factors: readonly EmissionFactor[], year: number): EmissionFactor[] {
  const best = new Map<string, EmissionFactor>();
  // Not after the year: the newest wins (an undated factor after every dated one); after it: the earliest.
  const rank = (f: EmissionFactor): number => (f.year === null ? -1e5 : f.year <= year ? f.year : year - f.year - 1e6);
  for (const f of factors) {
    const key = `${f.activity}|${f.region}|${f.unit}`;
    const current = best.get(key);
    if (current === undefined || rank(f) > rank(current)) best.set(key, f);
  }
  return [...best.values()];
}

/** Specific regions first, then newest, then id: a stable order. */
function compare(a: EmissionFactor, b: EmissionFactor): number {
  const depth = (f: EmissionFactor): number => regionChain(f.region).length;
  return depth(b) - depth(a) || (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
