/**
 * @module library/desnz-2025
 * UK DESNZ GHG Conversion Factors 2025, flat file. Each factor is a group of rows sharing an ID
 * without its last `_<n>`: `_1` "kg CO2e" (the factor), `_2`/`_3`/`_4` "kg CO2e of CO2/CH4/N2O per
 * unit". The CO2e is DESNZ's own (AR5: the file's GWP rows print CH4 28, N2O 265, SF6 23500), kept
 * as `co2e`; the CO2 row (kg CO2e of CO2 = kg CO2) goes to `gases.CO2` for information, and the
 * three gas rows to `co2eByGas`, the split of `co2e` that per-gas figures take.
 * "Outside of scopes" rows (biogenic CO2) become `biogenicCo2` of the matching Scope 1/2 factor.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { LibraryDataError, cell, numberOrNull, readCsv } from './csv.js';
import { DESNZ_2025 } from './datasets.js';
import {
  SKIPPED_UOMS,
  desnzActivity,
  desnzMethod,
  desnzRegion,
  desnzUnit,
  outsideScopesActivity,
  type DesnzMeta,
} from './desnz-2025-keys.js';
import { SkipLog, type LoadResult } from './load-result.js';

export const DESNZ_FLAT_FILE = 'desnz_2025/ghg_conversion_factors_2025_flat.csv';
const VALUE = 'GHG Conversion Factor 2025';
const OUTSIDE = 'Outside of Scopes';

type Slot = 'total' | 'CO2' | 'CH4' | 'N2O';
const SLOT: Readonly<Record<string, Slot>> = {
  'kg CO2e': 'total',
  'kg CO2e of CO2 per unit': 'CO2',
  'kg CO2e of CH4 per unit': 'CH4',
  'kg CO2e of N2O per unit': 'N2O',
};
/** GHG/Unit of the SECR rows: kWh of energy per unit (for energy reporting), not emissions. */
const ENERGY_ROWS = new Set(['kWh (Net CV)', 'kWh (net)']);

interface Printed {
  readonly value: number;
  readonly text: string;
}

interface Group {
  readonly base: string;
  readonly scope: string;
  readonly meta: DesnzMeta;
  readonly values: Partial<Record<Slot, Printed>>;
}

function groupRows(dataDir: string, skips: SkipLog): Group[] {
  const columns = ['ID', 'Scope', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Column Text', 'UOM', 'GHG/Unit', VALUE];
  const groups = new Map<string, Group>();
  for (const row of readCsv(dataDir, DESNZ_FLAT_FILE, columns)) {
    const ghg = cell(row, 'GHG/Unit');
    const uom = cell(row, 'UOM');
    const value = numberOrNull(row, VALUE);
    if (ENERGY_ROWS.has(ghg)) skips.add('DESNZ: energy-use row (SECR kWh per unit), not an emission factor');
    else if (uom in SKIPPED_UOMS) skips.add(`DESNZ: UOM "${uom}" (${SKIPPED_UOMS[uom]})`);
    else if (value === null) skips.add('DESNZ: no value published');
    else addRow(groups, row, ghg, { value, text: cell(row, VALUE) });
  }
  return [...groups.values()];
}

function addRow(groups: Map<string, Group>, row: Readonly<Record<string, string>>, ghg: string, printed: Printed): void {
  const slot = SLOT[ghg];
  if (slot === undefined) throw new LibraryDataError(`${DESNZ_FLAT_FILE}: unknown GHG/Unit "${ghg}"`);
  const base = cell(row, 'ID').replace(/_\d+$/, '');
  let group = groups.get(base);
  if (group === undefined) {
    const levels = [cell(row, 'Level 1'), cell(row, 'Level 2'), cell(row, 'Level 3'), cell(row, 'Level 4')] as const;
    group = { base, scope: cell(row, 'Scope'), meta: { levels, columnText: cell(row, 'Column Text'), uom: cell(row, 'UOM') }, values: {} };
    groups.set(base, group);
  }
  group.values[slot] = printed;
}

/** Same Level 2, Level 3 (case-insensitive: "from Tallow"/"from tallow") and UOM. */
function pairKey(meta: DesnzMeta): string {
  return [meta.levels[1], meta.levels[2], meta.uom].join('|').toLowerCase();
}

/**
 * Matches each outside-of-scopes group to the one Scope 1/2 group with the same key. A key
 * matching zero or several groups is not reliable, and the row stays a factor of its own.
 */
function pairOutsideScopes(groups: readonly Group[]): Map<Group, Group> {
  const candidates = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.scope !== 'Scope 1' && g.scope !== 'Scope 2') continue;
    if (g.values.total === undefined) continue;
    const list = candidates.get(pairKey(g.meta)) ?? [];
    list.push(g);
    candidates.set(pairKey(g.meta), list);
  }
  const pairs = new Map<Group, Group>();
  for (const g of groups) {
    const list = g.scope === OUTSIDE ? candidates.get(pairKey(g.meta)) : undefined;
    if (list?.length === 1 && list[0] !== undefined) pairs.set(list[0], g);
  }
  return pairs;
}

function describe(meta: DesnzMeta): string {
  return [...meta.levels, meta.columnText].filter((p) => p !== '').join(' / ') + ` (per ${meta.uom})`;
}

/** The kg CO2e of CO2, CH4 and N2O the file prints beside the total, when it prints all three. */
function publishedSplit(g: Group): { co2eByGas?: Readonly<Record<string, number>> } {
  const { CO2, CH4, N2O } = g.values;
  return CO2 !== undefined && CH4 !== undefined && N2O !== undefined ? { co2eByGas: { CO2: CO2.value, CH4: CH4.value, N2O: N2O.value } } : {};
}

function printedGases(g: Group): string {
  const parts = (['CO2', 'CH4', 'N2O'] as const).flatMap((gas) => (g.values[gas] ? [`${gas} ${g.values[gas].text}`] : []));
  return parts.length === 0 ? '' : ` (of which ${parts.join(', ')} kg CO2e)`;
}

function buildFactor(g: Group, outside: Group | undefined, skips: SkipLog): EmissionFactor | null {
  const unit = desnzUnit(g.meta.uom);
  const region = desnzRegion(g.meta);
  const total = g.values.total;
  const rows = Object.keys(g.values).length;
  if (unit === undefined) throw new LibraryDataError(`${DESNZ_FLAT_FILE}: UOM "${g.meta.uom}" has no unit symbol`);
  if (region === undefined) skips.add(`DESNZ: hotel country without a region code (${g.meta.levels[2]})`, rows);
  if (total === undefined) skips.add('DESNZ: gas rows without a kg CO2e total', rows);
  if (region === undefined || total === undefined) return null;
  const biogenic = outside?.values.CO2;
  const method = desnzMethod(g.meta);
  return {
    id: `desnz-2025/${g.base}/${unit.unit}${unit.cv === null ? '' : `-${unit.cv}`}`,
    dataset: DESNZ_2025,
    name: describe(g.meta),
    activity: desnzActivity(g.meta, unit.cv),
    region,
    year: 2025,
    unit: unit.unit,
    co2e: total.value,
    gwpBasis: 'AR5',
    ...(g.values.CO2 ? { gases: { CO2: g.values.CO2.value } } : {}),
    ...publishedSplit(g),
    ...(biogenic ? { biogenicCo2: biogenic.value } : {}),
    ...(method ? { method } : {}),
    publishedAs:
      `${total.text} kg CO2e per ${g.meta.uom}${printedGases(g)}` +
      (biogenic ? `; outside of scopes ${biogenic.text} kg CO2 per ${g.meta.uom} (DESNZ ${outside?.base})` : ''),
  };
}

/** An outside-of-scopes row with no in-scope partner: biogenic CO2 only. */
function outsideFactor(g: Group): EmissionFactor | null {
  const unit = desnzUnit(g.meta.uom);
  const co2 = g.values.CO2;
  if (unit === undefined) throw new LibraryDataError(`${DESNZ_FLAT_FILE}: UOM "${g.meta.uom}" has no unit symbol`);
  if (co2 === undefined) return null;
  return {
    id: `desnz-2025/${g.base}/${unit.unit}`,
    dataset: DESNZ_2025,
    name: describe(g.meta),
    activity: outsideScopesActivity(g.meta, unit.cv),
    region: 'GB',
    year: 2025,
    unit: unit.unit,
    biogenicCo2: co2.value,
    publishedAs: `outside of scopes ${co2.text} kg CO2 per ${g.meta.uom}`,
  };
}

export function loadDesnz2025(dataDir: string): LoadResult {
  const skips = new SkipLog();
  const groups = groupRows(dataDir, skips);
  const pairs = pairOutsideScopes(groups);
  const paired = new Set(pairs.values());
  const factors = groups.flatMap((g) => {
    if (g.scope !== OUTSIDE) return [buildFactor(g, pairs.get(g), skips)];
    return paired.has(g) ? [] : [outsideFactor(g)];
  });
  return skips.result(factors.filter((f) => f !== null));
}
