/**
 * @module factors/factor-index
 * An in-memory index over emission factors: by id, and by activity → region → year for selection.
 * Selection walks the region hierarchy (sub-region → country → WORLD) and takes the latest year not
 * after the activity's; every step away from what was asked is recorded as a fallback (selection-fallback.ts).
 *
 * @example
 * const index = new FactorIndex(factors);
 * index.select({ activity: 'electricity.grid', region: 'US-RFCE', year: 2024 })
 * // { factor: <eGRID2022 RFCE>, fallbacks: [{ kind: 'notAfter', region: 'US-RFCE', year: 2024, used: 2022 }] }
 */
import { regionChain } from '../regions/regions.js';
import { canConvert, type Unit } from '../units/units.js';
import type { EmissionFactor } from './factor.js';
import type { SelectionFallback } from './selection-fallback.js';

export interface FactorQuery {
  readonly activity: string;
  readonly region: string;
  /** The activity's year; `null` takes the latest available. */
  readonly year: number | null;
  /** The activity's unit: only factors it converts to are candidates (exact unit preferred). */
  readonly unit?: Unit;
}

export interface Selection {
  readonly factor: EmissionFactor;
  /** Each way the chosen factor differs from the query. Empty when it matches exactly. */
  readonly fallbacks: readonly SelectionFallback[];
}

export class FactorSelectionError extends Error {
  override readonly name = 'FactorSelectionError';

  /** `searched`: the regions looked in, nearest first, when the activity has factors but none of them fits; else null. */
  constructor(message: string, readonly searched: readonly string[] | null = null) {
    super(message);
  }
}

export class FactorIndex {
  private readonly byId = new Map<string, EmissionFactor>();
  /** activity → region → factors sorted by year, newest first (null year last). */
  private readonly byActivity = new Map<string, Map<string, EmissionFactor[]>>();

  constructor(factors: Iterable<EmissionFactor>) {
    for (const f of factors) {
      if (this.byId.has(f.id)) throw new FactorSelectionError(`duplicate factor id "${f.id}"`);
      this.byId.set(f.id, f);
      let regions = this.byActivity.get(f.activity);
      if (regions === undefined) this.byActivity.set(f.activity, (regions = new Map()));
      const list = regions.get(f.region);
      if (list === undefined) regions.set(f.region, [f]);
      else list.push(f);
    }
    for (const regions of this.byActivity.values()) {
      for (const list of regions.values()) list.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): EmissionFactor | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<EmissionFactor> {
    return this.byId.values();
  }

  hasActivity(activity: string): boolean {
    return this.byActivity.has(activity);
  }

  /** Chooses a factor for an activity, region and year; throws FactorSelectionError when none fits. */
  select(query: FactorQuery): Selection {
    const regions = this.byActivity.get(query.activity);
    if (regions === undefined) throw new FactorSelectionError(`no factor for activity "${query.activity}"`);
    const fallbacks: SelectionFallback[] = [];
    for (const region of regionChain(query.region)) {
      const list = convertible(regions.get(region), query.unit);
      if (list === undefined) continue;
      if (region !== query.region) {
        fallbacks.push({ kind: 'region', activity: query.activity, region: query.region, used: region });
      }
      const factor = pickYear(list, query.year, fallbacks, region);
      return { factor, fallbacks };
    }
    const units = query.unit === undefined ? '' : ` in a unit that ${query.unit} converts to`;
    const searched = regionChain(query.region);
    throw new FactorSelectionError(`no factor for activity "${query.activity}"${units} in ${searched.join(' → ')}`, searched);
  }
}

/** The factors of `list` whose unit `unit` converts to, exact unit first; undefined when none. */
function convertible(list: readonly EmissionFactor[] | undefined, unit: Unit | undefined): readonly EmissionFactor[] | undefined {
  if (list === undefined || unit === undefined) return list;
  const exact = list.filter((f) => f.unit === unit);
  if (exact.length > 0) return exact;
  const usable = list.filter((f) => canConvert(unit, f.unit));
  return usable.length > 0 ? usable : undefined;
}

function pickYear(list: readonly EmissionFactor[], year: number | null, fallbacks: SelectionFallback[], region: string): EmissionFactor {
  const newest = list[0] as EmissionFactor;
  if (year === null) {
    if (newest.year !== null) fallbacks.push({ kind: 'latest', region, used: newest.year });
    return newest;
  }
  const notAfter = list.find((f) => f.year === null || f.year <= year);
  if (notAfter !== undefined) {
    if (notAfter.year !== null && notAfter.year !== year) {
      fallbacks.push({ kind: 'notAfter', region, year, used: notAfter.year });
    }
    return notAfter;
  }
  const earliest = list[list.length - 1] as EmissionFactor;
  // Sorted newest first with a yearless factor last: had there been one, it would have been `notAfter`.
  fallbacks.push({ kind: 'earliest', region, year, used: earliest.year as number });
  return earliest;
}
