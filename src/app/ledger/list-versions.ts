/**
 * @module ledger/list-versions
 * `carbon-ledger versions --org SLUG` and the API's `versions`: an organisation's calculation
 * versions, oldest first, each with what it was computed from (ADR 0009).
 */
import { requireOrg } from '../org/org-input.js';
import type { OrgStore } from '../org/org-store.js';
import type { CalcStore, InstrumentOutcome } from './calc-store.js';
import type { VersionCause } from './version-cause.js';

export interface VersionJson {
  readonly id: number;
  readonly created_at: string;
  readonly reason: string;
  /** Why, as data (ledger/version-cause.ts); null with a free reason. */
  readonly cause: VersionCause | null;
  readonly gwp: string;
  readonly consolidation: string;
  readonly records: number;
  /** Fingerprints of the factor library and of the inputs (batches) it was computed from. */
  readonly library_hash: string;
  readonly inputs_hash: string;
  readonly instruments: readonly InstrumentOutcome[];
}

export async function listVersions(stores: { readonly org: OrgStore; readonly calc: CalcStore }, orgSlug: string): Promise<{ readonly versions: readonly VersionJson[] }> {
  const org = await requireOrg(stores.org, orgSlug);
  const versions = await stores.calc.listVersions(org.orgId);
  return {
    versions: versions.map((v) => ({
      id: v.versionId, created_at: v.createdAt, reason: v.reason, cause: v.cause, gwp: v.gwp, consolidation: v.consolidation, records: v.records,
      library_hash: v.libraryHash, inputs_hash: v.inputsHash, instruments: v.instruments,
    })),
  };
}
