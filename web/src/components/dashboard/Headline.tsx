/** The published headline above the dashboard's cards: Scope 1+2 market-based change, Scope 3 and intensity. */
import { useTranslation } from 'react-i18next';
import { signedPercent } from '../../format.js';
import { headlineChanges } from './headline.js';

export function Headline({ change }: { readonly change: Readonly<Record<string, number | null>> | null }) {
  const { t } = useTranslation();
  const h = headlineChanges(change);
  if (h === null) return null;
  return (
    <section className="headline" aria-labelledby="headline-h" data-testid="headline-change" data-pct={h.scope12}>
      <h2 id="headline-h" className="visually-hidden">{t('headline.title')}</h2>
      <p className="headline-main">{t('headline.scope12', { change: signedPercent(h.scope12) })}</p>
      {(h.scope3 !== null || h.intensity !== null) && (
        <p className="headline-more">
          {h.scope3 !== null && <span data-testid="headline-scope3">{t('headline.scope3', { change: signedPercent(h.scope3) })}</span>}
          {h.intensity !== null && (
            <span data-testid="headline-intensity">
              {t('headline.intensity', { change: signedPercent(h.intensity.change), revenue: signedPercent(h.intensity.revenue) })}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
