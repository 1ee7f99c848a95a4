/**
 * What the reader must be told beside an inventory's figures (src/app/report/report-notices.ts), in
 * the words of the exports for the chosen language, with the way to the figures as published from
 * their version where these apply today's terms (the report page leads back from there).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../../src/api/contract.js';
import { reportLabels } from '../../../../src/app/report/report-labels.js';
import { reportLink } from '../../drill.js';
import { currentLanguage } from '../../i18n/index.js';

type Inventory = Pick<ResponseOf<'inventory'>, 'notices' | 'org' | 'year'>;

export function ReportNotices({ inv, headingLevel }: { readonly inv: Inventory; readonly headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  if (inv.notices.length === 0) return null;
  const labels = reportLabels(currentLanguage());
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="notices-h" className="alert alert-warning" data-testid="report-notices">
      <Heading id="notices-h">{t('dashboard.warnings')}</Heading>
      <ul>
        {inv.notices.map((n, i) => (
          <li key={i} data-code={n.code}>
            {labels.notice(n)}
            {n.code === 'terms_today' && <> <Link to={reportLink(inv.org.slug, inv.year, n.version)}>{t('report.showPublished', { version: n.version })}</Link></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
