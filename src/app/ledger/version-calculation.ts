/**
 * @module ledger/version-calculation
 * One calculation version in the making, a record at a time and in record order: each record
 * through the engine into its result row and into the monthly rollups. Shared by the whole
 * recalculation (recalculate.ts) and by an import that extends the latest version
 * (extend-version.ts), so both compute a record the same way.
 */
import { createHash } from 'node:crypto';
import { Calculator, FactorIndex, roundKg, type Instrument, type MarketState, type ReferenceLibrary } from '../../core/index.js';
import { instrumentOutput } from '../calc/output.js';
import type { CalcResult, InstrumentOutcome, StoredRecord } from './calc-store.js';
import { gasGroupsPerUnit } from './line-gases.js';
import type { Site } from './model.js';
import { recordActivity } from './record-activity.js';
import { RollupAccumulator } from './rollup.js';

export type GwpName = 'AR4' | 'AR5' | 'AR6';

/** A record as calculation reads it, before or after it has an id. */
export type CalcRecord = Omit<StoredRecord, 'recordId'>;

/** A fingerprint of the factor datasets (id and version of each). */
export function libraryHash(lib: ReferenceLibrary): string {
  return createHash('sha256').update(lib.datasets.map((d) => `${d.id}@${d.version}`).join('\n')).digest('hex');
}

/** A fingerprint of what calculation reads from the sites: entity, country, grid region, market. */
export function sitesHash(sites: readonly Site[]): string {
  const rows = [...sites].sort((a, b) => a.siteId - b.siteId).map((s) => [s.siteId, s.entityId, s.country, s.gridRegion, s.market]);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

export class VersionCalculation {
  readonly rollups = new RollupAccumulator();
  private readonly calc: Calculator;
  private readonly gwp;

  constructor(lib: ReferenceLibrary, gwp: GwpName, instruments: readonly Instrument[], resume?: MarketState) {
    this.gwp = lib.gwpSets[gwp];
    this.calc = new Calculator({ input: new FactorIndex([]), library: lib.index, gwp: this.gwp, instruments, residualMixes: [], resume });
  }

  /** The result of one record, added to the rollups. Throws the engine's CalcError naming `lineId`. */
  line(r: CalcRecord, lineId: string): CalcResult {
    const line = this.calc.add(recordActivity(r, lineId));
    const market = line.marketCo2eKg ?? line.co2eKg;
    this.rollups.add({
      month: `${r.periodStart.slice(0, 7)}-01`, entityId: r.entityId, siteId: r.siteId, unitId: r.unitId ?? 0,
      scope: r.scope, category: r.category ?? 0, method: line.method ?? '',
    }, line.co2eKg, market, line.biogenicCo2Kg, gasGroupsPerUnit(line.factor, this.gwp), line.amount);
    return {
      co2eKg: roundKg(line.co2eKg), marketCo2eKg: line.marketCo2eKg === null ? null : roundKg(line.marketCo2eKg),
      biogenicCo2Kg: roundKg(line.biogenicCo2Kg), factorId: line.factor.id, method: line.method,
      marketParts: line.marketParts.length === 0 ? null : JSON.stringify(line.marketParts),
    };
  }

  /** What each instrument covered so far, and the state a later run can resume from. */
  summary(): { instruments: InstrumentOutcome[]; marketState: MarketState } {
    return { instruments: this.calc.finish().instruments.map(instrumentOutput), marketState: this.calc.marketState() };
  }
}
