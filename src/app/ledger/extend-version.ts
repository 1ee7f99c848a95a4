/**
 * @module ledger/extend-version
 * An import of activities calculated as it is read: the new version is the latest one plus the
 * batch's records, computed in the same pass and the same transaction as the import, instead of
 * reading every record back afterwards. This gives exactly the version a whole recalculation would
 * (src/app/ledger/extend-version.test.ts), because records are calculated in record order and the
 * batch's records come after every earlier one: the earlier results and rollups are carried over,
 * and the market-based ledger resumes from the state the latest version ended in.
 *
 * It applies only when the latest version is a basis for that: it covered every batch so far, with
 * the same factor library and the same sites, and stored its market state. Otherwise (or for the
 * organisation's first records, with no version yet but no records either) the caller recalculates.
 */
import type { ReferenceLibrary } from '../../core/index.js';
import type { CalcStore, NewVersion, ResultRow, VersionWriter } from './calc-store.js';
import type { TxStores } from './ledger-ports.js';
import type { ActivityRecordInput, Organisation, Site } from './model.js';
import type { RecalculateSummary } from './recalculate.js';
import { libraryHash, sitesHash, VersionCalculation, type GwpName, type PendingResult } from './version-calculation.js';

/** The calculation of one batch of activities as it is imported. */
export interface BatchCalculation {
  /** The result of a validated record of the batch; throws the engine's CalcError naming `lineId`. */
  line(record: ActivityRecordInput, lineId: string): PendingResult;
  /** Writes results once their records have ids (`ids[i]` is the record of `results[i]`). */
  write(results: readonly PendingResult[], ids: readonly number[]): Promise<void>;
  /** Completes the version: the earlier results and rollups with the batch's. */
  finish(batchRecords: number): Promise<RecalculateSummary>;
}

/**
 * Inside the batch's transaction (batch `batchId` already inserted): a calculation extending the
 * latest version, or null when the organisation must be recalculated whole after the import.
 */
export async function extendLatestVersion(
  tx: TxStores, org: Organisation, lib: ReferenceLibrary, batchId: number, reason: string,
): Promise<BatchCalculation | null> {
  const store = tx.calc;
  await store.lock(org.orgId);
  const latest = await store.latestVersion(org.orgId);
  const sites = await tx.org.listSites(org.orgId);
  const instruments = await store.instruments(org.orgId);
  const [libHash, siteHash] = [libraryHash(lib), sitesHash(sites)];
  let base: { versionId: number; records: number } | null = null;
  let gwp: GwpName = 'AR5';
  let calc: VersionCalculation;
  if (latest === null) {
    if (await store.hasRecords(org.orgId)) return null; // records from before, never calculated
    calc = new VersionCalculation(lib, gwp, instruments);
  } else {
    const stale = latest.inputsHash !== await store.inputsHash(org.orgId, batchId) || latest.libraryHash !== libHash || latest.sitesHash !== siteHash;
    if (stale || latest.marketState === null) return null;
    gwp = latest.gwp as GwpName;
    calc = new VersionCalculation(lib, gwp, instruments, latest.marketState);
    for (const r of await store.rollups(org.orgId, latest.versionId)) calc.rollups.merge(r.key, r.sums);
    base = { versionId: latest.versionId, records: latest.records };
  }
  return new Extension(store, org, calc, base, new Map(sites.map((s) => [s.siteId, s])), {
    reason, gwp, libraryHash: libHash, inputsHash: await store.inputsHash(org.orgId), sitesHash: siteHash, consolidation: org.consolidation,
  });
}

class Extension implements BatchCalculation {
  private writer: VersionWriter | null = null;

  constructor(
    private readonly store: CalcStore,
    private readonly org: Organisation,
    private readonly calc: VersionCalculation,
    private readonly base: { versionId: number; records: number } | null,
    private readonly sites: ReadonlyMap<number, Site>,
    private readonly version: NewVersion,
  ) {}

  line(record: ActivityRecordInput, lineId: string): PendingResult {
    const site = this.sites.get(record.siteId);
    if (site === undefined) throw new Error(`site ${record.siteId} of a validated record is not the organisation's`);
    // Field by field, not spread: one object shape for every record keeps the engine's hot path fast.
    return this.calc.line({
      siteId: record.siteId, unitId: record.unitId, periodStart: record.periodStart, scope: record.scope, category: record.category,
      method: record.method, quantity: record.quantity, unit: record.unit, priceYear: record.priceYear, factorId: record.factorId,
      activity: record.activity, carrier: record.carrier, supplier: record.supplier,
      entityId: site.entityId, country: site.country, gridRegion: site.gridRegion, market: site.market,
    }, lineId);
  }

  async write(results: readonly PendingResult[], ids: readonly number[]): Promise<void> {
    const rows: ResultRow[] = results.map((r, i) => ({
      recordId: ids[i] as number, co2eKg: r.co2eKg, marketCo2eKg: r.marketCo2eKg, biogenicCo2Kg: r.biogenicCo2Kg,
      factorId: r.factorId, method: r.method, marketParts: r.marketParts,
    }));
    await (await this.started()).writeResults(rows);
  }

  async finish(batchRecords: number): Promise<RecalculateSummary> {
    const writer = await this.started();
    if (this.base !== null) await writer.copyResults(this.base.versionId);
    await writer.writeRollups(this.calc.rollups.entries());
    const records = (this.base?.records ?? 0) + batchRecords;
    const { instruments, marketState } = this.calc.summary();
    await writer.finish(records, instruments, marketState);
    return { versionId: writer.versionId, records };
  }

  /** The version row is written with the first results, so that a dry run writes none. */
  private async started(): Promise<VersionWriter> {
    this.writer ??= await this.store.startVersion(this.org.orgId, this.version);
    return this.writer;
  }
}
