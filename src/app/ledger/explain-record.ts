/**
 * @module ledger/explain-record
 * Use case: the whole trace of one record — the input row (file, content hash, row number), the
 * site and entity, the calculation version, the factor with its source, version and licence, the
 * GWP set, and the explanation recomputed by the engine, checked against the stored result.
 */
import { CalcError, Calculator, explain, FactorIndex, roundKg, type GwpSet, type LineResult, type MarketPart, type ReferenceLibrary } from '../../core/index.js';
import { AppError } from '../app-error.js';
import { factorSummary, type FactorSummary } from '../factors/factor-summary.js';
import { shareAt } from '../org/consolidation-share.js';
import type { OrgStore } from '../org/org-store.js';
import type { StoredRecord } from './calc-store.js';
import type { Consolidation, EntityPeriod } from './model.js';
import { recordActivity } from './record-activity.js';
import { libraryHash } from './version-calculation.js';
import { termsFor } from './version-terms.js';
import { recordFormula, type RecordFormula } from './record-formula.js';
import type { RecordCheck } from './record-checks.js';
import type { VersionCause } from './version-cause.js';

/** What the store returns for a record id. */
export interface RecordTraceRow {
  readonly orgSlug: string;
  readonly record: StoredRecord;
  readonly site: string;
  readonly entity: string;
  readonly businessUnit: string | null;
  readonly batch: { readonly batchId: number; readonly fileName: string; readonly mapping: string; readonly contentHash: string; readonly importedAt: string; readonly importedBy: string };
  readonly rowNumber: number;
  readonly sourceId: string | null;
  /** Exclusive end of the period the record covers. */
  readonly periodEnd: string;
  readonly version: {
    readonly versionId: number; readonly createdAt: string; readonly gwp: string; readonly libraryHash: string; readonly reason: string;
    readonly cause: VersionCause | null; readonly consolidation: string; readonly entityPeriods: readonly EntityPeriod[] | null;
  } | null;
  readonly result: { readonly co2eKg: number; readonly marketCo2eKg: number | null; readonly biogenicCo2Kg: number; readonly factorId: string; readonly marketParts: readonly MarketPart[] | null } | null;
}

/** What the reports count of the record: its result × the entity's share in the record's month (as the reports apply it). */
export interface ReportedShare {
  readonly approach: Consolidation;
  /** 0..1. */
  readonly share: number;
  /** Why, as `org show` says it: `equity share: 60% owned → 60%, from 2023-01-01`. */
  readonly reason: string;
  readonly co2e_kg: number | null;
  readonly market_co2e_kg: number | null;
}

export interface RecordTrace {
  readonly record_id: number;
  readonly organisation: string;
  readonly input: Record<string, unknown>;
  readonly calculation_version: {
    readonly id: number; readonly created_at: string; readonly gwp: string; readonly library_hash: string; readonly reason: string; readonly cause: VersionCause | null;
  } | null;
  readonly result: {
    readonly co2e_kg: number; readonly market_co2e_kg: number | null; readonly biogenic_co2_kg: number; readonly factor_id: string;
    /** Scope 2: the market-based parts (instrument, residual mix, grid average). */
    readonly market_parts: readonly { readonly step: MarketPart['step']; readonly source: string; readonly mwh: number; readonly kg_co2e_per_mwh: number }[] | null;
  } | null;
  readonly factor: FactorSummary | null;
  /** The engine's sentence (English); `formula` is the same as data. */
  readonly explanation: string | null;
  readonly formula: RecordFormula | null;
  readonly reported: ReportedShare;
  readonly checks: readonly RecordCheck[];
}

export interface TraceSource {
  recordTrace(recordId: number, orgSlug?: string, versionId?: number): Promise<RecordTraceRow | null>;
  readonly org: Pick<OrgStore, 'findOrg' | 'listEntityPeriods'>;
}

/** `versionId`: the record in that calculation version of its organisation (default: the latest). */
export async function explainRecord(source: TraceSource, lib: ReferenceLibrary, recordId: number, orgSlug?: string, versionId?: number): Promise<RecordTrace> {
  const t = await source.recordTrace(recordId, orgSlug, versionId);
  if (t === null) throw new AppError('not_found', `no record ${recordId}${orgSlug === undefined ? '' : ` in organisation "${orgSlug}"`}`);
  if (versionId !== undefined && t.version === null) throw new AppError('not_found', `organisation "${t.orgSlug}" has no calculation version ${versionId}`);
  const r = t.record;
  const checks: RecordCheck[] = [];
  let explanation: string | null = null;
  let formula: RecordFormula | null = null;
  let factor: FactorSummary | null = null;
  if (t.version !== null && t.result !== null) {
    const gwp = lib.gwpSets[t.version.gwp as 'AR5'] as GwpSet | undefined;
    if (gwp === undefined) throw new AppError('invalid_input', `version ${t.version.versionId} used GWP set "${t.version.gwp}", which this library does not hold`);
    const calc = new Calculator({ input: new FactorIndex([]), library: lib.index, gwp, instruments: [], residualMixes: [] });
    const stored = t.result;
    const line = recompute(calc, r, recordId, checks);
    if (line !== null) {
      const withMarket = { ...line, marketCo2eKg: stored.marketCo2eKg, marketParts: stored.marketParts ?? [], marketNote: line.marketNote };
      explanation = explain(withMarket, gwp);
      formula = recordFormula(withMarket, gwp);
      factor = factorSummary(line.factor, gwp);
      const kg = roundKg(line.co2eKg);
      checks.push(kg === stored.co2eKg ? { code: 'recomputed_equal', kg } : { code: 'recomputed_differs', kg, stored_kg: stored.co2eKg, version: t.version.versionId });
    }
    if (libraryHash(lib) !== t.version.libraryHash) checks.push({ code: 'library_changed' });
  } else checks.push(versionId === undefined ? { code: 'not_calculated' } : { code: 'not_in_version', version: versionId });
  return {
    record_id: recordId,
    organisation: t.orgSlug,
    input: {
      file: t.batch.fileName, content_hash: t.batch.contentHash, batch_id: t.batch.batchId, row_number: t.rowNumber, mapping: t.batch.mapping,
      source_id: t.sourceId, imported_at: t.batch.importedAt, imported_by: t.batch.importedBy,
      site: t.site, entity: t.entity, business_unit: t.businessUnit, period_start: r.periodStart, period_end: t.periodEnd, scope: r.scope,
      category: r.category, method: r.method, quantity: r.quantity, unit: r.unit, factor: r.factorId, activity: r.activity, carrier: r.carrier, supplier: r.supplier,
      region_used: recordActivity(r, String(recordId)).region, market: r.scope === 2 ? r.market : null,
    },
    calculation_version: t.version === null ? null
      : { id: t.version.versionId, created_at: t.version.createdAt, gwp: t.version.gwp, library_hash: t.version.libraryHash, reason: t.version.reason, cause: t.version.cause },
    result: t.result === null ? null : {
      co2e_kg: t.result.co2eKg, market_co2e_kg: t.result.marketCo2eKg, biogenic_co2_kg: t.result.biogenicCo2Kg, factor_id: t.result.factorId,
      market_parts: t.result.marketParts?.map((p) => ({ step: p.step, source: p.source, mwh: p.mwh, kg_co2e_per_mwh: p.kgCo2ePerMwh })) ?? null,
    },
    factor,
    explanation,
    formula,
    reported: await reportedShare(source, t, versionId !== undefined, checks),
    checks,
  };
}

/** As the report of the same version applies it (ledger/version-terms.ts); its warning joins `checks`. */
async function reportedShare(source: TraceSource, t: RecordTraceRow, pinned: boolean, checks: RecordCheck[]): Promise<ReportedShare> {
  const org = await source.org.findOrg(t.orgSlug);
  if (org === null) throw new Error(`organisation "${t.orgSlug}" of record ${t.record.recordId} is gone`);
  const today = await source.org.listEntityPeriods(org.orgId);
  const terms = t.version === null ? { approach: org.consolidation, periods: today, notice: null } : termsFor(org, today, t.version, pinned);
  if (terms.notice !== null) checks.push({ code: 'report_terms', notice: terms.notice });
  // The reports apply the terms in force on the first day of the record's month (its rollup row's month).
  const at = shareAt(terms.approach, terms.periods, t.record.entityId, `${t.record.periodStart.slice(0, 7)}-01`);
  const times = (kg: number | null | undefined): number | null => (kg === null || kg === undefined ? null : roundKg(kg * at.share));
  return { approach: terms.approach, share: at.share, reason: at.reason, co2e_kg: times(t.result?.co2eKg), market_co2e_kg: times(t.result?.marketCo2eKg) };
}

/**
 * The record through the engine with today's library, or null with the reason in `checks` when
 * the engine refuses it (a factor the version used is gone from the library): the stored result
 * and the trace are still the record, only the recomputation is not possible.
 */
function recompute(calc: Calculator, r: RecordTraceRow['record'], recordId: number, checks: RecordCheck[]): LineResult | null {
  try {
    return calc.add(recordActivity(r, String(recordId)));
  } catch (e) {
    if (!(e instanceof CalcError)) throw e;
    checks.push({ code: 'cannot_recompute', detail: e.detail });
    return null;
  }
}
