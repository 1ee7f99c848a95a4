/**
 * @module ledger/line-gases
 * CO2e of one line split into gas groups (location-based), for the per-gas columns of the rollups.
 * A factor published as CO2e gives its groups only where its source splits it (core `co2eByGasPerUnit`): the rest is the remainder.
 */
import { co2eByGasPerUnit, gasGroup, type EmissionFactor, type GwpSet } from '../../core/index.js';

/** Order of the rollup columns. */
export const GAS_GROUP_COLUMNS = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'] as const;

const perUnitCache = new WeakMap<EmissionFactor, Map<GwpSet, readonly number[]>>();

/** kg CO2e of each gas group per unit of factor `f` (same order as GAS_GROUP_COLUMNS); × a line's amount for the line's. */
export function gasGroupsPerUnit(f: EmissionFactor, gwp: GwpSet): readonly number[] {
  let byGwp = perUnitCache.get(f);
  if (byGwp === undefined) perUnitCache.set(f, (byGwp = new Map()));
  let v = byGwp.get(gwp);
  if (v === undefined) {
    const groups = new Array<number>(GAS_GROUP_COLUMNS.length).fill(0);
    for (const [species, kgCo2e] of co2eByGasPerUnit(f, gwp)) {
      const i = (GAS_GROUP_COLUMNS as readonly string[]).indexOf(gasGroup(species));
      if (i >= 0) groups[i] = (groups[i] ?? 0) + kgCo2e;
    }
    byGwp.set(gwp, (v = groups));
  }
  return v;
}
