/**
 * @module ledger/extend-version
 * An import of activities calculated as it is read: the new version is the latest one plus the
 * batch's records, computed in the same pass and the same transaction as the import, instead of
 * reading every record back afterwards. This gives exactly the version a whole recalculation would
 * (src/app/ledger/extend-version.test.ts), because records are calculated in record order and the
 * batch's records come after every earlier one: the earlier results are carried over (the new
 * version reads them where they are stored, migration 0007), the rollups are merged, and the
 * market-based ledger resumes from the state the latest version ended in.
 *
 * It applies when the latest version is a basis for that: it covered every other batch, with the
 * same factor library, sites and instruments, and stored its market state — or when there is no
 * version and no record yet. Otherwise each row is still calculated, to refuse what the engine
 * cannot calculate, but nothing is written, and the caller recalculates the organisation whole.
 */
import type { Instrument, ReferenceLibrary } from '../../core/index.js';
import type { CalcResult, CalcStore, NewVersion, VersionWriter } from './calc-store.js';
import type { TxStores } from './ledger-ports.js';
import type { ActivityRecordInput, Organisation, Site } from './model.js';
import type { RecalculateSummary } from './recalculate.js';
import { reasonAndCause, type VersionCause } from './version-cause.js';
import { libraryHash, sitesHash, VersionCalculation, type CalcRecord, type GwpName } from './version-calculation.js';

/** The calculation of one batch of activities as it is imported. */
export interface BatchCalculation {
  /** The result of a validated record of the batch; throws the engine's CalcError naming `lineId`. */
  line(record: ActivityRecordInput, lineId: string): CalcResult;
  /**
   * The version whose results the batch's records are stored with (`BatchWriter.prepareActivities`,
   * migration 0015); null when the rows are only checked.
   */
  resultsVersion(): Promise<number | null>;
  /**
   * Completes the version: the earlier results (carried over, not copied) for the records before
   * the batch's first (`firstRecordId`, null when it stored none), and rollups with the batch's.
   */
  finish(batchRecords: number, firstRecordId: number | null): Promise<void>;
  /** The version `finish` made; null before it, or when the rows were only checked. */
  readonly made: RecalculateSummary | null;
}

/**
 * Inside the batch's transaction (batch `batchId` already inserted, the organisation locked with
 * `CalcStore.lock`): a calculation extending the latest version, or one that only checks each row
 * (`made` stays null), after which the organisation must be recalculated whole.
 */
export async function calculateBatch(
  tx: TxStores, org: Organisation, lib: ReferenceLibrary, batchId: number, why: string | VersionCause,
): Promise<BatchCalculation> {
  const store = tx.calc;
  const latest = await store.latestVersion(org.orgId);
  const sites = new Map((await tx.org.listSites(org.orgId)).map((s) => [s.siteId, s]));
  const instruments = await store.instruments(org.orgId);
  const version: NewVersion = {
    ...reasonAndCause(why), gwp: (latest?.gwp as GwpName | undefined) ?? 'AR5', libraryHash: libraryHash(lib), inputsHash: await store.inputsHash(org.orgId),
    sitesHash: sitesHash([...sites.values()]), consolidation: org.consolidation, entityPeriods: await tx.org.listEntityPeriods(org.orgId),
  };
  const check = (): BatchCalculation => new Extension(null, org, new VersionCalculation(lib, version.gwp as GwpName, instruments), null, sites, version);
  if (latest === null) {
    if (await store.hasRecords(org.orgId)) return check(); // records from before, never calculated
    return new Extension(store, org, new VersionCalculation(lib, 'AR5', instruments), null, sites, version);
  }
  const state = latest.marketState;
  const basis = state !== null && latest.libraryHash === version.libraryHash && latest.sitesHash === version.sitesHash
    && sameInstruments(state.holdings, instruments) && latest.inputsHash === await store.inputsHash(org.orgId, batchId);
  if (!basis) return check();
  const calc = new VersionCalculation(lib, version.gwp as GwpName, instruments, state);
  for (const r of await store.rollups(org.orgId, latest.versionId)) calc.rollups.merge(r.key, r.sums);
  return new Extension(store, org, calc, { versionId: latest.versionId, records: latest.records }, sites, version);
}

const sameInstruments = (held: readonly { id: string }[], instruments: readonly Instrument[]): boolean =>
  instruments.map((i) => i.id).join('\n') === held.map((h) => h.id).join('\n');

/** A record with what calculation reads from its site, field by field (one object shape for every record). */
function calcRecord(record: ActivityRecordInput, site: Site): CalcRecord {
  return {
    siteId: record.siteId, unitId: record.unitId, periodStart: record.periodStart, scope: record.scope, category: record.category,
    method: record.method, quantity: record.quantity, unit: record.unit, priceYear: record.priceYear, factorId: record.factorId,
    activity: record.activity, carrier: record.carrier, supplier: record.supplier,
    entityId: site.entityId, country: site.country, gridRegion: site.gridRegion, market: site.market,
  };
}

class Extension implements BatchCalculation {
  made: RecalculateSummary | null = null;
  private writer: VersionWriter | null = null;

  /** `store` null: only check the rows, write nothing. */
  constructor(
    private readonly store: CalcStore | null,
    private readonly org: Organisation,
    private readonly calc: VersionCalculation,
    private readonly base: { versionId: number; records: number } | null,
    private readonly sites: ReadonlyMap<number, Site>,
    private readonly version: NewVersion,
  ) {}

  line(record: ActivityRecordInput, lineId: string): CalcResult {
    const site = this.sites.get(record.siteId);
    if (site === undefined) throw new Error(`site ${record.siteId} of a validated record is not the organisation's`);
    return this.calc.line(calcRecord(record, site), lineId);
  }

  async resultsVersion(): Promise<number | null> {
    return (await this.started())?.versionId ?? null;
  }

  async finish(batchRecords: number, firstRecordId: number | null): Promise<void> {
    const writer = await this.started();
    if (writer === null) return;
    if (this.base !== null) await writer.inheritResults(this.base.versionId, firstRecordId);
    await writer.writeRollups(this.calc.rollups.entries());
    const records = (this.base?.records ?? 0) + batchRecords;
    const { instruments, marketState } = this.calc.summary();
    await writer.finish(records, instruments, marketState);
    this.made = { versionId: writer.versionId, records };
  }

  /** The version row is written with the first records, so that a dry run writes none. */
  private async started(): Promise<VersionWriter | null> {
    if (this.store === null) return null;
    this.writer ??= await this.store.startVersion(this.org.orgId, this.version, 'records');
    return this.writer;
  }
}
