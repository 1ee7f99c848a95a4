/** Activity records with filters in the URL and keyset paging (a stack of cursors). */
import { KeysetPager, useKeysetPages } from '../components/KeysetPager.js';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { call } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { FILTER_KEYS } from '../drill.js';
import { number, period, tonnes } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { categoryLabel, scopeLabel } from '../i18n/labels.js';

const PAGE = 50;
const CATEGORIES = Array.from({ length: 15 }, (_, i) => i + 1);

export function RecordsPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const filterKey = FILTER_KEYS.map((k) => filters[k]).join('|');
  const pages = useKeysetPages(`${org}|${filterKey}`);
  const after = pages.cursor;

  const years = useLoad((signal) => call('reportingYears', { params: { org }, signal }), [org]);
  const desc = useLoad((signal) => call('getOrg', { params: { org }, query: {}, signal }), [org]);
  const page = useLoad((signal) => call('listRecords', {
    params: { org },
    query: {
      year: filters.year || undefined, month: filters.month || undefined,
      scope: filters.scope === '' ? undefined : Number(filters.scope),
      category: filters.category === '' ? undefined : Number(filters.category),
      entity: filters.entity || undefined, site: filters.site || undefined, business_unit: filters.business_unit || undefined,
      after, limit: PAGE,
    },
    signal,
  }), [org, filterKey, after]);

  const setFilter = (k: string, v: string) => setParams((p) => {
    const n = new URLSearchParams(p);
    if (v === '') n.delete(k);
    else n.set(k, v);
    if (k === 'scope' && v !== '3') n.delete('category');
    return n;
  });

  const select = (k: (typeof FILTER_KEYS)[number], label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`f-${k}`}>{label}</label>
      <select id={`f-${k}`} value={filters[k]} onChange={(e) => setFilter(k, e.target.value)}>
        <option value="">{t('records.all')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {filters[k] !== '' && !options.some((o) => o.value === filters[k]) && <option value={filters[k]}>{filters[k]}</option>}
      </select>
    </div>
  );
  const d = desc.data;
  return (
    <>
      <h1>{t('records.title')}</h1>
      <form className="filters card" aria-label={t('records.filters')} onSubmit={(e) => e.preventDefault()}>
        {select('year', t('common.reportingYear'), (years.data?.years ?? []).map((y) => ({ value: y, label: y })))}
        <div className="field">
          <label htmlFor="f-month">{t('records.month')}</label>
          <input id="f-month" type="month" value={filters.month} onChange={(e) => setFilter('month', e.target.value)} />
        </div>
        {select('scope', t('records.scope'), [1, 2, 3].map((s) => ({ value: String(s), label: scopeLabel(t, s) })))}
        {select('category', t('records.category'), CATEGORIES.map((c) => ({ value: String(c), label: categoryLabel(t, c) })))}
        {select('entity', t('records.entity'), (d?.entities ?? []).map((e) => ({ value: e.name, label: e.name })))}
        {select('site', t('records.site'), (d?.sites ?? []).map((s) => ({ value: s.name, label: s.name })))}
        {select('business_unit', t('records.businessUnit'), (d?.business_units ?? []).map((b) => ({ value: b, label: b })))}
        <button type="button" onClick={() => setParams(new URLSearchParams())}>{t('records.clearFilters')}</button>
      </form>
      <div aria-live="polite">{page.loading ? <Loading /> : <ErrorMessage error={page.error} />}</div>
      {page.data !== undefined && (
        <>
          <div className="table-wrap">
            <table data-testid="records-table">
              <caption>{t('records.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records.id')}</th>
                  <th scope="col">{t('records.period')}</th>
                  <th scope="col">{t('records.entity')}</th>
                  <th scope="col">{t('records.site')}</th>
                  <th scope="col">{t('records.businessUnit')}</th>
                  <th scope="col">{t('records.scope')}</th>
                  <th scope="col">{t('records.activity')}</th>
                  <th scope="col" className="num">{t('records.quantity')}</th>
                  <th scope="col" className="num">{t('records.locationT')}</th>
                  <th scope="col" className="num">{t('records.marketT')}</th>
                  <th scope="col">{t('records.source')}</th>
                </tr>
              </thead>
              <tbody>
                {page.data.records.length === 0 && <tr><td colSpan={11} className="empty">{t('records.none')}</td></tr>}
                {page.data.records.map((r) => (
                  <tr key={r.record_id}>
                    <td><Link to={`/orgs/${encodeURIComponent(org)}/records/${r.record_id}`} aria-label={t('records.open', { id: r.record_id })}>{r.record_id}</Link></td>
                    <td className="nowrap">{period(r.period_start, r.period_end)}</td>
                    <td>{r.entity}</td>
                    <td>{r.site}</td>
                    <td>{r.business_unit ?? ''}</td>
                    <td>{scopeLabel(t, r.scope)}{r.category === null ? '' : <><br /><span className="small">{categoryLabel(t, r.category)}</span></>}</td>
                    <td>{r.activity ?? r.factor_id ?? ''}</td>
                    <td className="num">{number(r.quantity)} {r.unit}</td>
                    <td className="num">{r.co2e_kg === null ? t('records.notCalculated') : tonnes(r.co2e_kg)}</td>
                    <MarketCell scope={r.scope} location={r.co2e_kg} market={r.market_co2e_kg} />
                    <td>{t('records.fileRow', { file: r.file, row: r.row_number })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('records.marketNote')}</p>
          <p className="hint">{t('records.shareNote')}</p>
          <KeysetPager pages={pages} next={page.data.next_after} label={t('records.paging')} backLabel={t('records.previous')} forwardLabel={t('records.next')} />
        </>
      )}
    </>
  );
}

/**
 * The market-based figure of a record. Scope 1 and 3 count the same in the location- and the
 * market-based totals (GHG Protocol), so their location-based figure is shown here too, as the
 * dashboard's market-based totals include it; only Scope 2 has a market-based figure of its own.
 */
function MarketCell({ scope, location, market }: { readonly scope: number; readonly location: number | null; readonly market: number | null }) {
  const { t } = useTranslation();
  if (scope !== 2 && market === null) {
    return <td className="num same-as-location" title={location === null ? undefined : t('records.sameAsLocation')}>{location === null ? '' : tonnes(location)}</td>;
  }
  return <td className="num">{market === null ? '' : tonnes(market)}</td>;
}
