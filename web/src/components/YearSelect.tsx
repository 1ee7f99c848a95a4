/** The reporting-year select, fed by `reportingYears`; the year lives in the URL (?year=). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../api/client.js';
import { useLoad } from '../hooks/useLoad.js';
import { ErrorMessage } from './ui.js';

/** The selected year ('' while unknown) and the list. */
export function useYear(org: string): { year: string; years: readonly string[] | undefined; error: unknown; loading: boolean; setYear: (y: string) => void; reload: () => void } {
  const [params, setParams] = useSearchParams();
  const list = useLoad((signal) => call('reportingYears', { params: { org }, signal }), [org]);
  const years = list.data?.years;
  const chosen = params.get('year') ?? '';
  const year = chosen !== '' ? chosen : (years?.[0] ?? '');
  const setYear = (y: string) => setParams((p) => { const n = new URLSearchParams(p); n.set('year', y); return n; }, { replace: true });
  useEffect(() => {
    if (chosen === '' && years?.[0] !== undefined) setYear(years[0]);
  }, [chosen, years]);
  return { year, years, error: list.error, loading: list.loading, setYear, reload: list.reload };
}

export function YearSelect({ year, years, setYear, error }: { readonly year: string; readonly years: readonly string[] | undefined; readonly setYear: (y: string) => void; readonly error: unknown }) {
  const { t } = useTranslation();
  if (error !== undefined) return <ErrorMessage error={error} />;
  return (
    <div className="inline-field">
      <label htmlFor="year-select">{t('common.reportingYear')}</label>
      <select id="year-select" data-testid="year-select" value={year} onChange={(e) => setYear(e.target.value)} disabled={years === undefined || years.length === 0}>
        {(years ?? []).map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </div>
  );
}
