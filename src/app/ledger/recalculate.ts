/**
 * @module ledger/recalculate
 * Use case: calculate every record of an organisation into a NEW calculation version (results
 * and monthly rollups), in one transaction — earlier versions are never touched, so a published
 * figure can always be reproduced from its version. Records are read in pages, so memory is
 * bounded by the page and the rollup, not by the number of records.
 *
 * @example
 * const { versionId } = await recalculate(sqlLedger(db), org, 'new GWP set', loadLibrary(), { gwp: 'AR6' });
 */
import { CalcError, type ReferenceLibrary } from '../../core/index.js';
import { AppError } from '../app-error.js';
import type { Organisation } from './model.js';
import type { CalcResult } from './calc-store.js';
import type { Ledger } from './ledger-ports.js';
import { libraryHash, sitesHash, VersionCalculation, type GwpName } from './version-calculation.js';
import { reasonAndCause, type VersionCause } from './version-cause.js';

export interface RecalculateOptions {
  /** Default: the latest version's GWP set, else AR5. */
  readonly gwp?: GwpName;
  readonly onProgress?: (records: number) => void;
}

export interface RecalculateSummary {
  readonly versionId: number;
  readonly records: number;
}

const PAGE = 5_000;

export async function recalculate(ledger: Ledger, org: Organisation, why: string | VersionCause, lib: ReferenceLibrary, options: RecalculateOptions = {}): Promise<RecalculateSummary> {
  return ledger.transaction(async ({ calc: store, org: orgs }) => {
    await store.lock(org.orgId);
    const gwp = options.gwp ?? ((await store.latestVersion(org.orgId))?.gwp as GwpName | undefined) ?? 'AR5';
    const version = new VersionCalculation(lib, gwp, await store.instruments(org.orgId));
    const writer = await store.startVersion(org.orgId, {
      ...reasonAndCause(why), gwp, libraryHash: libraryHash(lib), inputsHash: await store.inputsHash(org.orgId),
      sitesHash: sitesHash(await orgs.listSites(org.orgId)), consolidation: org.consolidation, entityPeriods: await orgs.listEntityPeriods(org.orgId),
    });
    let count = 0;
    for await (const page of store.records(org.orgId, PAGE)) {
      const results: CalcResult[] = [];
      for (const r of page) {
        try {
          results.push(version.line(r, String(r.recordId)));
        } catch (e) {
          if (e instanceof CalcError) throw new AppError('calculation', `record ${r.recordId}: ${e.message}`);
          throw e;
        }
      }
      await writer.writeResults(page.map((r) => r.recordId), results);
      count += page.length;
      options.onProgress?.(count);
    }
    await writer.writeRollups(version.rollups.entries());
    const { instruments, marketState } = version.summary();
    await writer.finish(count, instruments, marketState);
    return { versionId: writer.versionId, records: count };
  });
}
