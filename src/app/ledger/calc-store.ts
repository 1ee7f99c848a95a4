/**
 * @module ledger/calc-store
 * Storage the ledger calculation needs: the organisation's records (in pages, in id order), its
 * instruments, and writing a calculation version with its results and rollups.
 */
import type { InstrumentOutput } from '../calc/output.js';
import type { Instrument } from '../../core/index.js';
import type { ActivityRecordInput } from './model.js';
import type { RollupKey, RollupSums } from './rollup.js';

/** An activity record as stored, with what calculation needs from its site. */
export interface StoredRecord extends Omit<ActivityRecordInput, 'rowNumber' | 'sourceId' | 'periodEnd'> {
  readonly recordId: number;
  readonly entityId: number;
  readonly country: string;
  readonly gridRegion: string;
  readonly market: string;
}

export interface NewVersion {
  readonly reason: string;
  readonly gwp: string;
  readonly libraryHash: string;
  readonly inputsHash: string;
  readonly consolidation: string;
}

export interface CalcVersion extends NewVersion {
  readonly versionId: number;
  readonly createdAt: string;
  readonly records: number;
  /** What each instrument covered in this version, or why it was excluded. */
  readonly instruments: readonly InstrumentOutcome[];
}

/** Stored with the version in the `calc` output's shape (docs/calc-format.md). */
export type InstrumentOutcome = InstrumentOutput;

export interface ResultRow {
  readonly recordId: number;
  readonly co2eKg: number;
  readonly marketCo2eKg: number | null;
  readonly biogenicCo2Kg: number;
  readonly factorId: string;
  readonly method: string | null;
  readonly marketParts: string | null;
}

/** Writes one version; used inside a transaction so that a failed run leaves nothing. */
export interface VersionWriter {
  readonly versionId: number;
  writeResults(rows: readonly ResultRow[]): Promise<void>;
  writeRollups(rows: Iterable<{ key: RollupKey; sums: RollupSums }>): Promise<void>;
  finish(records: number, instruments: readonly InstrumentOutcome[]): Promise<void>;
}

export interface CalcStore {
  instruments(orgId: number): Promise<Instrument[]>;
  /** Records in record-id order, `pageSize` at a time; inside a transaction (it holds a cursor). */
  records(orgId: number, pageSize: number): AsyncIterable<StoredRecord[]>;
  /** A fingerprint of the organisation's imported inputs (content hashes of its batches). */
  inputsHash(orgId: number): Promise<string>;
  latestVersion(orgId: number): Promise<CalcVersion | null>;
  listVersions(orgId: number): Promise<CalcVersion[]>;
  startVersion(orgId: number, v: NewVersion): Promise<VersionWriter>;
}
