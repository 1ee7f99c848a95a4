import { describe, expect, it } from 'vitest';
import type { EntityPeriod, Organisation } from './model.js';
import { warningText } from '../report/report-notices.js';
import { termsFor } from './version-terms.js';

const org: Organisation = { orgId: 1, slug: 'acme', name: 'Acme', consolidation: 'equity_share', yearStartMonth: 1, currency: 'USD' };
const owned = (pct: number): EntityPeriod[] => [{ entityId: 7, validFrom: '2020-01-01', ownershipPct: pct, financialControl: true, operationalControl: true }];

describe('the consolidation terms a report applies to a version', () => {
  it('applies the version\'s own terms when the version is named, today\'s otherwise, and says so only when they differ', () => {
    const v = { versionId: 3, consolidation: 'equity_share', entityPeriods: owned(100) };
    expect(termsFor(org, owned(100), v, true)).toEqual({ approach: 'equity_share', periods: owned(100), notice: null });
    expect(termsFor(org, owned(100), v, false)).toEqual({ approach: 'equity_share', periods: owned(100), notice: null });
    expect(termsFor(org, owned(60), v, true)).toMatchObject({ periods: owned(100), notice: { code: 'terms_as_published', version: 3, approach: 'equity_share' } });
    expect(termsFor(org, owned(60), v, false)).toMatchObject({ periods: owned(60), notice: { code: 'terms_today', version: 3 } });
    expect(warningText({ code: 'terms_today', version: 3 })).toContain('`--calc-version 3` gives them as published');
    expect(termsFor(org, owned(100), { ...v, consolidation: 'operational_control' }, true)).toMatchObject({ approach: 'operational_control' });
  });

  it('applies today\'s terms to a version that kept none, and says so when it is named or made under another approach', () => {
    const old = { versionId: 2, consolidation: 'equity_share', entityPeriods: null };
    expect(termsFor(org, owned(60), old, false).notice).toBeNull();
    const named = termsFor(org, owned(60), old, true);
    expect(named).toMatchObject({ approach: 'equity_share', periods: owned(60) });
    expect(named.notice === null ? null : warningText(named.notice)).toBe('calculation version 2 was made before versions kept their ownership and control terms: today\'s are applied');
    const other = termsFor(org, owned(60), { ...old, consolidation: 'operational_control' }, false).notice;
    expect(other === null ? null : warningText(other))
      .toBe('calculation version 2 was made before versions kept their ownership and control terms: today\'s are applied; it was made under operational control, these figures apply today\'s equity share');
  });
});
