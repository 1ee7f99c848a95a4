/** The dashboard of a reporting year: totals, year-on-year bridge, monthly trend, breakdowns, intensity. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ResponseOf } from '../../../src/api/contract.js';
import { call } from '../api/client.js';
import { bridgeSteps } from '../components/charts/bridge.js';
import { BridgeChart } from '../components/charts/BridgeChart.js';
import { CategoryBarChart } from '../components/charts/CategoryBarChart.js';
import { ScopeBarChart } from '../components/charts/ScopeBarChart.js';
import type { ScopeRow } from '../components/ScopeTable.js';
import { Headline } from '../components/dashboard/Headline.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { YearSelect, useYear } from '../components/YearSelect.js';
import { CoverageNotice } from '../components/report/CoverageNotice.js';
import { ReportNotices } from '../components/report/ReportNotices.js';
import { recordsLink, type RecordFilters } from '../drill.js';
import { date, month, number, percent, signedPercent, tonnes } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { breakdownName, intensityLabel, intensityUnit, metricLabel } from '../i18n/labels.js';

type Inventory = ResponseOf<'inventory'>;
type Dimension = 'business_unit' | 'site' | 'entity' | 'category';

interface CardDef {
  readonly testid: string;
  readonly label: string;
  readonly kg: number;
  readonly change: number | null | undefined;
  readonly filter: RecordFilters;
}

function TotalCard({ org, card }: { readonly org: string; readonly card: CardDef }) {
  const { t } = useTranslation();
  return (
    <div className="stat-card" data-testid={card.testid} data-kg={card.kg}>
      <h3>{card.label}</h3>
      <p className="stat-value">
        <Link to={recordsLink(org, card.filter)}>{tonnes(card.kg)}</Link> <span className="unit">{t('unit.tco2e')}</span>
      </p>
      {card.change != null && <p className="stat-change">{t('dashboard.vsPrevious', { change: signedPercent(card.change) })}</p>}
    </div>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const y = useYear(org);
  const inv = useLoad<Inventory>((signal) => (y.year === '' ? null : call('inventory', { params: { org }, query: { year: y.year }, signal })), [org, y.year]);
  const [dimension, setDimension] = useState<Dimension>('business_unit');

  return (
    <>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <YearSelect year={y.year} years={y.years} setYear={y.setYear} error={y.error} />
      </div>
      {y.years !== undefined && y.years.length === 0 && (
        <div className="card empty">
          <p>{t('dashboard.noYears')}</p>
          <p><Link to={`/orgs/${encodeURIComponent(org)}/import`}>{t('dashboard.importLink')}</Link></p>
        </div>
      )}
      {inv.loading && y.year !== '' && <Loading />}
      <ErrorMessage error={inv.error} />
      {inv.data !== undefined && <InventoryView org={org} inv={inv.data} dimension={dimension} setDimension={setDimension} />}
    </>
  );
}

function InventoryView({ org, inv, dimension, setDimension }: { readonly org: string; readonly inv: Inventory; readonly dimension: Dimension; readonly setDimension: (d: Dimension) => void }) {
  const { t } = useTranslation();
  const x = inv.totals;
  const c = inv.change_pct;
  const year = inv.year;
  const cards: CardDef[] = [
    { testid: 'total-scope1', label: t('scope.1'), kg: x.scope1_kg, change: c?.scope1_kg, filter: { year, scope: 1 } },
    { testid: 'total-scope2-location', label: t('scope.2location'), kg: x.scope2_location_kg, change: c?.scope2_location_kg, filter: { year, scope: 2 } },
    { testid: 'total-scope2-market', label: t('scope.2market'), kg: x.scope2_market_kg, change: c?.scope2_market_kg, filter: { year, scope: 2 } },
    { testid: 'total-scope3', label: t('scope.3'), kg: x.scope3_kg, change: c?.scope3_kg, filter: { year, scope: 3 } },
    { testid: 'total-market', label: t('total.market'), kg: x.total_market_kg, change: c?.total_market_kg, filter: { year } },
    { testid: 'total-location', label: t('total.location'), kg: x.total_location_kg, change: c?.total_location_kg, filter: { year } },
  ];
  const monthRows: ScopeRow[] = inv.by_month.map((m) => ({ ...m, label: month(m.name), filter: { year, month: m.name } }));
  const dimRows = (rows: Inventory['by_site'], key: 'site' | 'entity' | 'business_unit'): ScopeRow[] => rows.map((r) => ({
    ...r,
    label: key === 'business_unit' ? breakdownName(t, r.name) : r.name,
    filter: key === 'business_unit' && r.name === '(none)' ? null : { year, [key]: r.name },
  }));
  const dims: { value: Dimension; label: string }[] = [
    { value: 'business_unit', label: t('dashboard.dim.business_unit') },
    { value: 'site', label: t('dashboard.dim.site') },
    { value: 'entity', label: t('dashboard.dim.entity') },
    { value: 'category', label: t('dashboard.dim.category') },
  ];
  const dimLabel = dims.find((d) => d.value === dimension)?.label ?? '';
  const intensity = Object.entries(inv.intensity);
  const metrics = Object.entries(inv.metrics);

  return (
    <>
      <p className="muted">
        {t('dashboard.period', { start: date(inv.period.start), end: date(inv.period.end) })} · {t('dashboard.calcVersion', { id: inv.calc_version.id, gwp: inv.calc_version.gwp })}
      </p>
      <CoverageNotice inv={inv} />
      <Headline change={c} />
      <section aria-labelledby="totals-h">
        <h2 id="totals-h">{t('dashboard.totals')}</h2>
        <div className="stat-grid">{cards.map((card) => <TotalCard key={card.testid} org={org} card={card} />)}</div>
      </section>

      <ReportNotices inv={inv} headingLevel={2} />

      <section aria-labelledby="bridge-h" className="card">
        <h2 id="bridge-h">{t('bridge.title')}</h2>
        {inv.previous === null
          ? <p className="empty">{t('bridge.noPrevious')}</p>
          : <BridgeChart org={org} year={year} steps={bridgeSteps(x, inv.previous, year)} />}
      </section>

      <section aria-labelledby="monthly-h" className="card">
        <h2 id="monthly-h">{t('dashboard.monthly')}</h2>
        <ScopeBarChart org={org} rows={monthRows} chartLabel={t('dashboard.monthlyChartLabel')} caption={t('dashboard.monthlyCaption')} rowHeader={t('records.month')} />
      </section>

      <section aria-labelledby="breakdown-h" className="card">
        <div className="section-head">
          <h2 id="breakdown-h">{t('dashboard.breakdown')}</h2>
          <div className="inline-field">
            <label htmlFor="dimension-select">{t('dashboard.breakdownBy')}</label>
            <select id="dimension-select" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
              {dims.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
            </select>
          </div>
        </div>
        {dimension === 'category'
          ? <CategoryBarChart org={org} year={year} byCategory={x.scope3_by_category_kg} />
          : <ScopeBarChart org={org} horizontal rowHeader={dimLabel}
            rows={dimRows(dimension === 'site' ? inv.by_site : dimension === 'entity' ? inv.by_entity : inv.by_business_unit, dimension)}
            chartLabel={t('dashboard.breakdownChartLabel', { dimension: dimLabel })} caption={t('dashboard.breakdownCaption', { dimension: dimLabel })} />}
      </section>

      <section aria-labelledby="intensity-h" className="card">
        <h2 id="intensity-h">{t('dashboard.intensity')}</h2>
        {intensity.length === 0 && metrics.length === 0 ? <p className="empty">{t('dashboard.noIntensity')}</p> : (
          <dl className="facts">
            {intensity.map(([k, v]) => (
              <div key={k} data-testid={`intensity-${k}`}>
                <dt>{intensityLabel(t, k)}</dt>
                <dd>{number(v.value, 3)} {intensityUnit(t, k, inv.metrics, v.unit)}</dd>
              </div>
            ))}
            {metrics.map(([k, v]) => (
              <div key={`m-${k}`}>
                <dt>{metricLabel(t, k)}</dt>
                <dd>{number(v.value)} {v.unit}</dd>
              </div>
            ))}
          </dl>
        )}
        {inv.supplier_specific_share_pct !== null && (
          <p>{t('dashboard.supplierShare', { pct: percent(inv.supplier_specific_share_pct) })}</p>
        )}
      </section>
    </>
  );
}
