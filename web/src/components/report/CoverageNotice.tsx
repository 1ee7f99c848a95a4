/** Said when the year and the year it is compared with have records starting in different months of the year. */
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../src/api/contract.js';

export function CoverageNotice({ inv }: { readonly inv: Pick<ResponseOf<'inventory'>, 'year' | 'coverage'> }) {
  const { t } = useTranslation();
  const { months, previous_months: before, same_months: same } = inv.coverage;
  if (same !== false) return null;
  return (
    <p className="alert alert-warning" role="note" data-testid="coverage-notice" data-months={months}>
      {t('coverage.partial', { year: inv.year, months, previous: before ?? 0 })}
    </p>
  );
}
