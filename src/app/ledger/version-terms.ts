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
import type { CalcVersion } from './calc-store.js';
import type { Consolidation, EntityPeriod, Organisation } from './model.js';

export interface AppliedTerms {
  readonly approach: Consolidation;
  readonly periods: readonly EntityPeriod[];
  /** Why these terms and not others, when it matters to the reader; else null. */
  readonly warning: string | null;
}

type VersionTerms = Pick<CalcVersion, 'versionId' | 'consolidation' | 'entityPeriods'>;

const words = (c: string): string => c.replace('_', ' ');

export function termsFor(org: Organisation, today: readonly EntityPeriod[], version: VersionTerms, pinned: boolean): AppliedTerms {
  const v = version.versionId;
  if (version.entityPeriods === null) {
    const approach = version.consolidation !== org.consolidation
      ? `; it was made under ${words(version.consolidation)}, these figures apply today's ${words(org.consolidation)}` : '';
    return { approach: org.consolidation, periods: today, warning: pinned || approach !== ''
      ? `calculation version ${v} was made before versions kept their ownership and control terms: today's are applied${approach}` : null };
  }
  const same = version.consolidation === org.consolidation && fingerprint(version.entityPeriods) === fingerprint(today);
  if (pinned) {
    return { approach: version.consolidation as Consolidation, periods: version.entityPeriods,
      warning: same ? null : `these are the figures as published from calculation version ${v}, with its ownership, control and consolidation approach (${words(version.consolidation)}); today's differ (report without --calc-version for them)` };
  }
  return { approach: org.consolidation, periods: today,
    warning: same ? null : `ownership, control or the consolidation approach changed since calculation version ${v} was made: these figures apply today's; \`--calc-version ${v}\` gives them as published from it` };
}

const fingerprint = (periods: readonly EntityPeriod[]): string => JSON.stringify([...periods]
  .map((p) => [p.entityId, p.validFrom, Number(p.ownershipPct), p.financialControl, p.operationalControl])
  .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
