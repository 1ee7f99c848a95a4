/**
 * @module ledger/version-terms
 * Which consolidation terms a report applies to a version's gross rollups (ADR 0009). A version
 * keeps the approach and the entity periods (ownership %, control) in force when it was made:
 * - a report or trace that names the version (`--calc-version N`) applies those, and so gives
 *   the figures published from it exactly;
 * - the default report (the latest version) applies the organisation's terms of today, saying
 *   when they differ from the version's, since the figures then differ from those published.
 * Versions made before migration 0011 kept no periods: today's are applied, with a warning.
 */
import type { ReportNotice } from '../report/report-notices.js';
import type { CalcVersion } from './calc-store.js';
import type { Consolidation, EntityPeriod, Organisation } from './model.js';

export interface AppliedTerms {
  readonly approach: Consolidation;
  readonly periods: readonly EntityPeriod[];
  /** Why these terms and not others, when it matters to the reader; else null. */
  readonly notice: ReportNotice | null;
}

type VersionTerms = Pick<CalcVersion, 'versionId' | 'consolidation' | 'entityPeriods'>;

export function termsFor(org: Organisation, today: readonly EntityPeriod[], version: VersionTerms, pinned: boolean): AppliedTerms {
  const v = version.versionId;
  const made = version.consolidation as Consolidation;
  if (version.entityPeriods === null) {
    return { approach: org.consolidation, periods: today,
      notice: pinned || made !== org.consolidation ? { code: 'terms_unknown', version: v, made, today: org.consolidation } : null };
  }
  const same = made === org.consolidation && fingerprint(version.entityPeriods) === fingerprint(today);
  if (pinned) return { approach: made, periods: version.entityPeriods, notice: same ? null : { code: 'terms_as_published', version: v, approach: made } };
  return { approach: org.consolidation, periods: today, notice: same ? null : { code: 'terms_today', version: v } };
}

const fingerprint = (periods: readonly EntityPeriod[]): string => JSON.stringify([...periods]
  .map((p) => [p.entityId, p.validFrom, Number(p.ownershipPct), p.financialControl, p.operationalControl])
  .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
