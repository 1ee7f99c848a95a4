/** Said when the year, or the year it is compared with, has results for fewer than its 12 months. */
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../src/api/contract.js';

export function CoverageNotice({ inv }: { readonly inv: Pick<ResponseOf<'inventory'>, 'year' | 'coverage'> }) {
  const { t } = useTranslation();
  const { months, previous_months: before } = inv.coverage;
  if (months === 12 && (before === null || before === 12)) return null;
  return (
    <p className="alert alert-warning" role="note" data-testid="coverage-notice" data-months={months}>
      {before === null ? t('coverage.partialAlone', { year: inv.year, months }) : t('coverage.partial', { year: inv.year, months, previous: before })}
    </p>
  );
}
