/** One record's whole trace: input row, file and row, factor and its source, GWP, version, explanation, checks. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { dateTime, number, percent, tonnes } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { RecordFormula } from '../components/record/RecordFormula.js';
import { reportLabels } from '../../../src/app/report/report-labels.js';
import { currentLanguage } from '../i18n/index.js';
import { checkMessage, consolidationLabel, inputFieldLabel, versionReasonLabel } from '../i18n/labels.js';

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function RecordDetailPage() {
  const { t } = useTranslation();
  const { org = '', id = '' } = useParams();
  const trace = useLoad((signal) => call('explainRecord', { params: { org, id }, signal }), [org, id]);
  const r = trace.data;
  const f = r?.factor ?? null;
  const dataset = (f?.dataset ?? null) as Record<string, unknown> | null;
  const input = r?.input ?? {};
  // Location- and market-based results differ only for Scope 2; Scope 1 and 3 have one figure.
  const scope2 = String(input.scope) === '2';
  const notice = reportLabels(currentLanguage()).notice;
  return (
    <>
      <p><Link to={`/orgs/${encodeURIComponent(org)}/records`}>{t('record.back')}</Link></p>
      <h1>{t('record.title', { id })}</h1>
      {trace.loading && <Loading />}
      <ErrorMessage error={trace.error} />
      {r !== undefined && (
        <>
          <section className="card" aria-labelledby="rec-result">
            <h2 id="rec-result">{t('record.result')}</h2>
            {r.result === null ? <p className="empty">{t('record.noResult')}</p> : (
              <dl className="facts">
                <div>
                  <dt>{scope2 ? t('scope.location') : t('record.emissions')}</dt>
                  <dd data-testid="record-co2e" data-kg={r.result.co2e_kg}>{tonnes(r.result.co2e_kg)} {t('unit.tco2e')}</dd>
                </div>
                {scope2 && r.result.market_co2e_kg !== null && (
                  <div><dt>{t('scope.market')}</dt><dd data-testid="record-co2e-market" data-kg={r.result.market_co2e_kg}>{tonnes(r.result.market_co2e_kg)} {t('unit.tco2e')}</dd></div>
                )}
                <div>
                  <dt>{t('record.reported')}</dt>
                  <dd data-testid="record-reported" data-kg={r.reported.co2e_kg ?? ''}>
                    {r.reported.co2e_kg === null ? '–' : `${tonnes(r.reported.co2e_kg)} ${t('unit.tco2e')}`}
                    {scope2 && r.reported.market_co2e_kg !== null && ` (${t('scope.market')}: ${tonnes(r.reported.market_co2e_kg)} ${t('unit.tco2e')})`}
                    <br /><span className="hint">{t('record.reportedShare', { share: percent(r.reported.share * 100, 2), approach: consolidationLabel(t, r.reported.approach) })}</span>
                  </dd>
                </div>
                <div><dt>{t('record.biogenic')}</dt><dd>{tonnes(r.result.biogenic_co2_kg)} {t('unit.tco2')}</dd></div>
                <div><dt>{t('record.factorId')}</dt><dd><Link to={`/factors?id=${encodeURIComponent(r.result.factor_id)}`}><code>{r.result.factor_id}</code></Link></dd></div>
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="rec-expl">
            <h2 id="rec-expl">{t('record.explanation')}</h2>
            {r.formula === null ? <p className="empty">{t('record.noExplanation')}</p> : <RecordFormula formula={r.formula} parts={r.result?.market_parts ?? []} differs={r.checks.some((c) => c.code === 'recomputed_differs')} />}
            {r.explanation !== null && (
              <details>
                <summary>{t('record.formula.engineText')}</summary>
                <pre className="explanation" lang="en">{r.explanation}</pre>
              </details>
            )}
          </section>
          <section className="card" aria-labelledby="rec-input">
            <h2 id="rec-input">{t('record.input')}</h2>
            <p>{t('record.source', { file: show(input.file ?? input.source_file), row: show(input.row_number ?? input.row) })}</p>
            <div className="table-wrap">
              <table>
                <caption>{t('record.inputCaption')}</caption>
                <thead><tr><th scope="col">{t('record.fieldName')}</th><th scope="col">{t('record.value')}</th></tr></thead>
                <tbody>
                  {Object.entries(input).map(([k, v]) => {
                    const label = inputFieldLabel(t, k);
                    // A time is shown as every other time on the page, the stored value in its title.
                    const value = k === 'imported_at' && typeof v === 'string' ? <time dateTime={v} title={v}>{dateTime(v)}</time> : show(v);
                    return <tr key={k}><th scope="row">{label === k ? <code>{k}</code> : <span title={k}>{label}</span>}</th><td>{value}</td></tr>;
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="rec-factor">
            <h2 id="rec-factor">{t('record.factor')}</h2>
            {f === null ? <p className="empty">{t('record.noFactor')}</p> : (
              <dl className="facts">
                <div><dt>{t('factors.name')}</dt><dd>{show(f.name)}</dd></div>
                <div><dt>{t('factors.id')}</dt><dd><code>{show(f.id)}</code></dd></div>
                <div><dt>{t('factors.value')}</dt><dd>{typeof f.kg_co2e_per_unit === 'number' ? number(f.kg_co2e_per_unit, 6) : show(f.kg_co2e_per_unit)} {t('factors.kgPer', { unit: show(f.unit) })}</dd></div>
                <div><dt>{t('factors.region')}</dt><dd>{show(f.region)}</dd></div>
                <div><dt>{t('factors.year')}</dt><dd>{show(f.year)}</dd></div>
                <div><dt>{t('factors.gwp')}</dt><dd>{show(f.gwp)}</dd></div>
                {f.published_as !== null && <div><dt>{t('factors.publishedAs')}</dt><dd>{f.published_as}</dd></div>}
                {dataset !== null && <>
                  <div><dt>{t('factors.dataset')}</dt><dd>{show(dataset.name)}</dd></div>
                  <div><dt>{t('factors.publisher')}</dt><dd>{show(dataset.publisher)}</dd></div>
                  <div><dt>{t('factors.version')}</dt><dd>{show(dataset.version)}</dd></div>
                  <div><dt>{t('factors.licence')}</dt><dd>{show(dataset.licence)}</dd></div>
                  <div><dt>{t('factors.url')}</dt><dd>{typeof dataset.url === 'string' && /^https?:\/\//.test(dataset.url) ? <a href={dataset.url} rel="noreferrer" target="_blank">{dataset.url}</a> : show(dataset.url)}</dd></div>
                </>}
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="rec-version">
            <h2 id="rec-version">{t('record.calcVersion')}</h2>
            {r.calculation_version === null ? <p className="empty">{t('record.noVersion')}</p> : (
              <dl className="facts">
                <div><dt>{t('record.versionId')}</dt><dd>{r.calculation_version.id}</dd></div>
                <div><dt>{t('record.createdAt')}</dt><dd>{dateTime(r.calculation_version.created_at)}</dd></div>
                <div><dt>{t('factors.gwp')}</dt><dd>{r.calculation_version.gwp}</dd></div>
                <div><dt>{t('record.libraryHash')}</dt><dd><code>{r.calculation_version.library_hash}</code></dd></div>
                <div><dt>{t('record.reason')}</dt><dd data-testid="version-reason">{versionReasonLabel(t, r.calculation_version)}</dd></div>
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="rec-checks">
            <h2 id="rec-checks">{t('record.checks')}</h2>
            {r.checks.length === 0 ? <p className="empty">{t('record.noChecks')}</p> : (
              <ul data-testid="record-checks">{r.checks.map((c, i) => <li key={i} data-code={c.code}>{checkMessage(t, c, notice)}</li>)}</ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
