/**
 * @module ledger/recalculate
 * Use case: calculate every record of an organisation into a NEW calculation version (results
 * and monthly rollups), in one transaction — earlier versions are never touched, so a published
 * figure can always be reproduced from its version. Records are read in pages, so memory is
 * bounded by the page and the rollup, not by the number of records.
 *
 * @example
 * const { versionId } = await recalculate(sqlLedger(db), org, 'import of bills-2024.csv', loadLibrary());
 */
import { createHash } from 'node:crypto';
import { CalcError, Calculator, FactorIndex, roundKg, type ReferenceLibrary } from '../../core/index.js';
import { AppError } from '../app-error.js';
import { instrumentOutput } from '../calc/output.js';
import type { Organisation } from './model.js';
import type { ResultRow } from './calc-store.js';
import type { Ledger } from './ledger-ports.js';
import { lineGasGroupsKg } from './line-gases.js';
import { recordActivity } from './record-activity.js';
import { RollupAccumulator } from './rollup.js';

export interface RecalculateOptions {
  readonly gwp?: 'AR4' | 'AR5' | 'AR6';
  readonly onProgress?: (records: number) => void;
}

export interface RecalculateSummary {
  readonly versionId: number;
  readonly records: number;
}

const PAGE = 20_000;

/** A fingerprint of the factor datasets (id and version of each). */
export function libraryHash(lib: ReferenceLibrary): string {
  return createHash('sha256').update(lib.datasets.map((d) => `${d.id}@${d.version}`).join('\n')).digest('hex');
}

export async function recalculate(ledger: Ledger, org: Organisation, reason: string, lib: ReferenceLibrary, options: RecalculateOptions = {}): Promise<RecalculateSummary> {
  const gwpName = options.gwp ?? 'AR5';
  const gwp = lib.gwpSets[gwpName];
  return ledger.transaction(async ({ calc: store }) => {
    const calc = new Calculator({
      input: new FactorIndex([]), library: lib.index, gwp, instruments: await store.instruments(org.orgId), residualMixes: [],
    });
    const writer = await store.startVersion(org.orgId, {
      reason, gwp: gwpName, libraryHash: libraryHash(lib), inputsHash: await store.inputsHash(org.orgId), consolidation: org.consolidation,
    });
    const rollups = new RollupAccumulator();
    let count = 0;
    for await (const page of store.records(org.orgId, PAGE)) {
      const results: ResultRow[] = [];
      for (const r of page) {
        let line;
        try {
          line = calc.add(recordActivity(r));
        } catch (e) {
          if (e instanceof CalcError) throw new AppError('calculation', `record ${r.recordId}: ${e.message}`);
          throw e;
        }
        const market = line.marketCo2eKg ?? line.co2eKg;
        results.push({
          recordId: r.recordId, co2eKg: roundKg(line.co2eKg), marketCo2eKg: line.marketCo2eKg === null ? null : roundKg(line.marketCo2eKg),
          biogenicCo2Kg: roundKg(line.biogenicCo2Kg), factorId: line.factor.id, method: line.method,
          marketParts: line.marketParts.length === 0 ? null : JSON.stringify(line.marketParts),
        });
        rollups.add({
          month: `${r.periodStart.slice(0, 7)}-01`, entityId: r.entityId, siteId: r.siteId, unitId: r.unitId ?? 0,
          scope: r.scope, category: r.category ?? 0, method: line.method ?? '',
        }, line.co2eKg, market, line.biogenicCo2Kg, lineGasGroupsKg(line, gwp));
      }
      await writer.writeResults(results);
      count += page.length;
      options.onProgress?.(count);
    }
    await writer.writeRollups(rollups.entries());
    await writer.finish(count, calc.finish().instruments.map(instrumentOutput));
    return { versionId: writer.versionId, records: count };
  });
}
