/** The inventory of a year as a printable document, with print and XLSX/CSV downloads. */
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ResponseOf } from '../../../src/api/contract.js';
import { scope12Kg } from '../../../src/core/inventory/inventory.js';
import { call, urlOf } from '../api/client.js';
import { useSession } from '../api/session.js';
import { CoverageNotice } from '../components/report/CoverageNotice.js';
import { ReportNotices } from '../components/report/ReportNotices.js';
import { RecalculateForm } from '../components/report/RecalculateForm.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { YearSelect, useYear } from '../components/YearSelect.js';
import { date, dateTime, month, number, percent, signedPercent, tonnes } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { currentLanguage } from '../i18n/index.js';
import { ScopeTable, type ScopeRow } from '../components/ScopeTable.js';
import { recordsLink, reportLink } from '../drill.js';
import { breakdownName, categoryLabel, consolidationLabel, exclusionLabel, intensityLabel, intensityUnit, methodLabel, metricLabel } from '../i18n/labels.js';

type Inventory = ResponseOf<'inventory'>;
type Breakdown = Inventory['by_site'];

export function ReportPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const y = useYear(org);
  // `?version=N`: the figures as published from calculation version N, with its terms (ReportNotices links here).
  const [params, setParams] = useSearchParams();
  const version = /^\d+$/.test(params.get('version') ?? '') ? Number(params.get('version')) : undefined;
  const pinned = version === undefined ? {} : { calc_version: version };
  const inv = useLoad<Inventory>((signal) => (y.year === '' ? null : call('inventory', { params: { org }, query: { year: y.year, ...pinned }, signal })), [org, y.year, version]);
  const lang = currentLanguage();
  const { me } = useSession();
  const role = me?.memberships.find((m) => m.org === org)?.role;
  const mayRecalculate = role === 'admin' || role === 'approver';
  return (
    <>
      <div className="page-head no-print">
        <h1>{t('report.title')}</h1>
        <YearSelect year={y.year} years={y.years} setYear={y.setYear} error={y.error} />
        {y.year !== '' && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => window.print()}>{t('report.print')}</button>
            <a className="button" data-testid="export-xlsx" download href={urlOf('exportInventory', { org }, { year: y.year, format: 'xlsx', lang, ...pinned })}>{t('report.downloadXlsx')}</a>
            <a className="button" data-testid="export-csv" download href={urlOf('exportInventory', { org }, { year: y.year, format: 'csv', lang, ...pinned })}>{t('report.downloadCsv')}</a>
          </div>
        )}
      </div>
      {y.years !== undefined && y.years.length === 0 && <p className="empty">{t('dashboard.noYears')}</p>}
      {inv.loading && y.year !== '' && <Loading />}
      <ErrorMessage error={inv.error} />
      {version !== undefined && inv.data !== undefined && (
        <p className="alert alert-warning no-print" data-testid="pinned-version">
          {t('report.pinned', { version })} <Link to={reportLink(org, y.year)}>{t('report.showLatest')}</Link>
        </p>
      )}
      {inv.data !== undefined && <ReportDocument inv={inv.data} pinned={version !== undefined} />}
      {mayRecalculate && <RecalculateForm key={org} org={org} currentGwp={inv.data?.calc_version.gwp} onDone={() => {
        // A new version: the report shows the latest again, not the version it was pinned to.
        setParams((p) => { const n = new URLSearchParams(p); n.delete('version'); return n; }, { replace: true });
        y.reload();
        inv.reload();
      }} />}
    </>
  );
}

/** `pinned`: the figures of a named version, whose records the records page (the latest version's) would not sum to: no links. */
function ReportDocument({ inv, pinned }: { readonly inv: Inventory; readonly pinned: boolean }) {
  const { t } = useTranslation();
  const x = inv.totals;
  const p = inv.previous;
  const c = inv.change_pct;
  // Each figure of the year links to the records it sums (the printed page shows the figure only);
  // `scope` null: a sum of two scopes, which no records filter gives.
  const line = (label: string, kg: number, prev: number | undefined, change: number | null | undefined, testid?: string, scope?: number | null) => (
    <tr data-testid={testid} data-kg={kg}>
      <th scope="row">{label}</th>
      <td className="num">{scope === null || pinned ? tonnes(kg) : <Link to={recordsLink(inv.org.slug, { year: inv.year, scope })}>{tonnes(kg)}</Link>}</td>
      <td className="num">{prev === undefined ? '' : tonnes(prev)}</td>
      <td className="num">{change == null ? '' : signedPercent(change)}</td>
    </tr>
  );
  const cats = [...new Set([...Object.keys(x.scope3_by_category_kg), ...Object.keys(p?.scope3_by_category_kg ?? {})])].sort((a, b) => Number(a) - Number(b));
  return (
    <article className="report" aria-labelledby="report-h">
      <header className="report-head">
        <h2 id="report-h">{t('report.heading', { org: inv.org.name, year: inv.year })}</h2>
        <dl className="facts">
          <div><dt>{t('report.period')}</dt><dd>{date(inv.period.start)} – {date(inv.period.end)}</dd></div>
          <div><dt>{t('orgs.consolidation')}</dt><dd>{consolidationLabel(t, inv.consolidation)}</dd></div>
          <div><dt>{t('report.calcVersion')}</dt><dd>{t('report.versionLine', { id: inv.calc_version.id, at: dateTime(inv.calc_version.created_at), gwp: inv.calc_version.gwp })}</dd></div>
          {inv.audit_head !== null && (
            <div><dt>{t('nav.audit')}</dt><dd data-testid="report-audit-head">{t('audit.head', { seq: inv.audit_head.seq })} <code className="hash">{inv.audit_head.hash}</code></dd></div>
          )}
        </dl>
        <p className="small">{t('report.periodNote')}</p>
        <CoverageNotice inv={inv} />
      </header>

      <section aria-labelledby="rep-totals">
        <h3 id="rep-totals">{t('report.totals')}</h3>
        <div className="table-wrap">
          <table>
          <thead><tr><th scope="col">{t('report.line')}</th><th scope="col" className="num">{t('report.thisYear', { year: inv.year })}</th><th scope="col" className="num">{t('report.previous')}</th><th scope="col" className="num">{t('report.change')}</th></tr></thead>
          <tbody>
            {line(t('scope.1'), x.scope1_kg, p?.scope1_kg, c?.scope1_kg, 'report-scope1', 1)}
            {line(t('scope.2location'), x.scope2_location_kg, p?.scope2_location_kg, c?.scope2_location_kg, 'report-scope2-location', 2)}
            {line(t('scope.2market'), x.scope2_market_kg, p?.scope2_market_kg, c?.scope2_market_kg, 'report-scope2-market', 2)}
            {line(t('scope.12market'), scope12Kg(x, 'market'), p === null ? undefined : scope12Kg(p, 'market'), c?.scope12_market_kg, 'report-scope12-market', null)}
            {line(t('scope.12location'), scope12Kg(x, 'location'), p === null ? undefined : scope12Kg(p, 'location'), c?.scope12_location_kg, 'report-scope12-location', null)}
            {line(t('scope.3'), x.scope3_kg, p?.scope3_kg, c?.scope3_kg, 'report-scope3', 3)}
            {line(t('total.location'), x.total_location_kg, p?.total_location_kg, c?.total_location_kg, 'report-total-location')}
            {line(t('total.market'), x.total_market_kg, p?.total_market_kg, c?.total_market_kg, 'report-total-market')}
            {line(t('report.biogenic'), x.biogenic_co2_kg, p?.biogenic_co2_kg, undefined)}
          </tbody>
          </table>
        </div>
        <p className="small">{t('report.unitNote')}</p>
      </section>

      <section aria-labelledby="rep-s3">
        <h3 id="rep-s3">{t('report.scope3ByCategory')}</h3>
        {cats.length === 0 ? <p className="empty">{t('common.noData')}</p> : (
          <div className="table-wrap">
            <table>
            <thead><tr><th scope="col">{t('records.category')}</th><th scope="col" className="num">{t('report.thisYear', { year: inv.year })}</th><th scope="col" className="num">{t('report.previous')}</th><th scope="col">{t('report.methods')}</th></tr></thead>
            <tbody>
              {cats.map((k) => (
                <tr key={k}>
                  <th scope="row">{categoryLabel(t, k)}</th>
                  <td className="num">{tonnes(x.scope3_by_category_kg[k] ?? 0)}</td>
                  <td className="num">{p === null ? '' : tonnes(p.scope3_by_category_kg[k] ?? 0)}</td>
                  <td>{Object.entries(inv.scope3_methods_kg[k] ?? {}).map(([m, kg]) => `${methodLabel(t, m)}: ${tonnes(kg)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
            </table>
          </div>
        )}
        {inv.supplier_specific_share_pct !== null && <p>{t('dashboard.supplierShare', { pct: percent(inv.supplier_specific_share_pct) })}</p>}
      </section>

      <section aria-labelledby="rep-gas">
        <h3 id="rep-gas">{t('report.byGas')}</h3>
        <div className="table-wrap">
          <table>
          <thead><tr><th scope="col">{t('report.gas')}</th><th scope="col" className="num">{t('common.tco2e')}</th></tr></thead>
          <tbody>{Object.entries(x.co2e_by_gas_kg).map(([g, kg]) => <tr key={g}><th scope="row">{g === 'unsplit' ? t('report.unsplit') : g}</th><td className="num">{tonnes(kg)}</td></tr>)}</tbody>
          </table>
        </div>
      </section>

      <BreakdownTable inv={inv} title={t('dashboard.dim.entity')} rows={inv.by_entity} dimension="entity" pinned={pinned} />
      <BreakdownTable inv={inv} title={t('dashboard.dim.site')} rows={inv.by_site} dimension="site" pinned={pinned} />
      <BreakdownTable inv={inv} title={t('dashboard.dim.business_unit')} rows={inv.by_business_unit} dimension="business_unit" pinned={pinned} />
      <BreakdownTable inv={inv} title={t('records.month')} rows={inv.by_month} dimension="month" pinned={pinned} />

      {(Object.keys(inv.intensity).length > 0 || Object.keys(inv.metrics).length > 0) && (
        <section aria-labelledby="rep-int">
          <h3 id="rep-int">{t('dashboard.intensity')}</h3>
          <div className="table-wrap">
            <table>
            <tbody>
              {Object.entries(inv.intensity).map(([k, v]) => <tr key={k}><th scope="row">{intensityLabel(t, k)}</th><td className="num">{number(v.value, 3)} {intensityUnit(t, k, inv.metrics, v.unit)}</td></tr>)}
              {Object.entries(inv.metrics).map(([k, v]) => <tr key={`m-${k}`}><th scope="row">{metricLabel(t, k)}</th><td className="num">{number(v.value)} {v.unit}</td></tr>)}
            </tbody>
            </table>
          </div>
        </section>
      )}

      {inv.instruments.length > 0 && (
        <section aria-labelledby="rep-instr">
          <h3 id="rep-instr">{t('report.instruments')}</h3>
          <div className="table-wrap">
            <table data-testid="report-instruments">
            <thead><tr><th scope="col">{t('report.instrument')}</th><th scope="col" className="num">{t('report.appliedMwh')}</th><th scope="col" className="num">{t('report.remainingMwh')}</th><th scope="col">{t('report.excluded')}</th></tr></thead>
            <tbody>{inv.instruments.map((i) => (
              <tr key={i.id}><th scope="row">{i.id}</th><td className="num">{number(i.applied_mwh, 3)}</td><td className="num">{i.remaining_mwh === null ? '' : number(i.remaining_mwh, 3)}</td><td>{i.excluded === null ? '' : exclusionLabel(t, i.excluded)}</td></tr>
            ))}</tbody>
            </table>
          </div>
        </section>
      )}

      <ReportNotices inv={inv} headingLevel={3} />
    </article>
  );
}

/** A breakdown of the year as a table whose figures link to their records (the dashboard's ScopeTable). */
function BreakdownTable({ inv, title, rows, dimension, pinned }: {
  readonly inv: Inventory; readonly title: string; readonly rows: Breakdown; readonly dimension: 'entity' | 'site' | 'business_unit' | 'month'; readonly pinned: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const scopeRows: ScopeRow[] = rows.map((r) => ({
    ...r,
    label: dimension === 'month' ? month(r.name) : breakdownName(t, r.name),
    filter: pinned || (dimension === 'business_unit' && r.name === '(none)') ? null : { year: inv.year, [dimension]: r.name },
  }));
  return (
    <section className="report-breakdown">
      <h3>{t('report.by', { dimension: title })}</h3>
      <div className="table-wrap"><ScopeTable org={inv.org.slug} rows={scopeRows} rowHeader={title} /></div>
    </section>
  );
}
