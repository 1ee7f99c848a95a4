/**
 * @module ledger/calc-store
 * Storage the ledger calculation needs: the organisation's records (in pages, in id order), its
 * instruments, and writing a calculation version with its results and rollups.
 */
import type { InstrumentOutput } from '../calc/output.js';
import type { Instrument, InstrumentCriterion, MarketState } from '../../core/index.js';
import type { ActivityRecordInput, EntityPeriod } from './model.js';
import type { RollupKey, RollupSums } from './rollup.js';
import type { VersionCause } from './version-cause.js';

/** An activity record as stored, with what calculation needs from its site. */
export interface StoredRecord extends Omit<ActivityRecordInput, 'rowNumber' | 'sourceId' | 'periodEnd'> {
  readonly recordId: number;
  readonly entityId: number;
  readonly country: string;
  readonly gridRegion: string;
  readonly market: string;
}

export interface NewVersion {
  /** Why, in English: `causeText(cause)` when the version has a cause. */
  readonly reason: string;
  /** Why, as data, for the versions the product makes itself; null with a free reason. */
  readonly cause: VersionCause | null;
  readonly gwp: string;
  readonly libraryHash: string;
  readonly inputsHash: string;
  /** Fingerprint of what calculation read from the sites (`sitesHash`). */
  readonly sitesHash: string;
  readonly consolidation: string;
  /** The organisation's entity periods when the version is made: the shares it is reported with. */
  readonly entityPeriods: readonly EntityPeriod[];
}

export interface CalcVersion extends Omit<NewVersion, 'sitesHash' | 'entityPeriods'> {
  readonly versionId: number;
  /** Null for versions older than migration 0011 (report-time terms: report/version-terms.ts). */
  readonly entityPeriods: readonly EntityPeriod[] | null;
  /** Null for versions older than migration 0006: those are never extended. */
  readonly sitesHash: string | null;
  readonly marketState: MarketState | null;
  readonly createdAt: string;
  readonly records: number;
  /** What each instrument covered in this version, or why it was excluded. */
  readonly instruments: readonly InstrumentOutcome[];
}

/** Stored with the version in the `calc` output's shape (docs/calc-format.md). */
export interface InstrumentOutcome extends Omit<InstrumentOutput, 'excluded'> {
  readonly excluded: InstrumentOutput['excluded'] | ReasonOnlyExclusion;
}

/** An exclusion as a version made before its values were kept (core `InstrumentExclusion`) stored it: the criterion and the English reason. */
export interface ReasonOnlyExclusion {
  readonly criterion: InstrumentCriterion;
  readonly reason: string;
}

/** One record's result in a version (the record's id goes beside it). */
export interface CalcResult {
  readonly co2eKg: number;
  readonly marketCo2eKg: number | null;
  readonly biogenicCo2Kg: number;
  readonly factorId: string;
  readonly method: string | null;
  readonly marketParts: string | null;
}

/** Where a version's own results are stored: rows of results, or the records' own rows (migration 0015). */
export type OwnResults = 'results' | 'records';

/** Writes one version; used inside a transaction so that a failed run leaves nothing. */
export interface VersionWriter {
  readonly versionId: number;
  /** `results[i]` is the result of record `ids[i]`; not for a version whose own results are stored with their records. */
  writeResults(ids: readonly number[], results: readonly CalcResult[]): Promise<void>;
  /**
   * Makes this version carry over an earlier version's results (an import extending it): that
   * version's for every record before `firstOwnRecordId`, this version's own from there on (or none
   * of its own, when null). Without it, every result of the version is its own.
   */
  inheritResults(fromVersionId: number, firstOwnRecordId: number | null): Promise<void>;
  writeRollups(rows: Iterable<{ key: RollupKey; sums: RollupSums }>): Promise<void>;
  finish(records: number, instruments: readonly InstrumentOutcome[], marketState: MarketState): Promise<void>;
}

export interface CalcStore {
  instruments(orgId: number): Promise<Instrument[]>;
  /** Records in record-id order, `pageSize` at a time; inside a transaction (it holds a cursor). */
  records(orgId: number, pageSize: number): AsyncIterable<StoredRecord[]>;
  /** A fingerprint of the organisation's imported inputs (content hashes of its batches, all or all but batch `except`). */
  inputsHash(orgId: number, except?: number): Promise<string>;
  /** Whether the organisation has any activity record. */
  hasRecords(orgId: number): Promise<boolean>;
  /** Makes other calculations of the organisation wait until this transaction ends. */
  lock(orgId: number): Promise<void>;
  /** A version's rollup rows. */
  rollups(orgId: number, versionId: number): Promise<{ key: RollupKey; sums: RollupSums }[]>;
  latestVersion(orgId: number): Promise<CalcVersion | null>;
  /** One version of the organisation, or null when it has none of that id. */
  version(orgId: number, versionId: number): Promise<CalcVersion | null>;
  listVersions(orgId: number): Promise<CalcVersion[]>;
  /**
   * A new version, numbered after the organisation's latest (call with the organisation locked,
   * `lock`, in the same transaction). With `ownResults` 'records', its own results are stored with their records
   * (`BatchWriter.prepareActivities`, an import calculated as it is read), not by `writeResults`.
   */
  startVersion(orgId: number, v: NewVersion, ownResults?: OwnResults): Promise<VersionWriter>;
}
