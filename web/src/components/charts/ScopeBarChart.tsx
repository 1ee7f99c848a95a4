/** Bars stacked by scope (1, 2 market-based, 3) per row — the monthly trend and the breakdowns — with their data table. */
import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { recordsLink, type RecordFilters } from '../../drill.js';
import { tonnes } from '../../format.js';
import { COLORS } from './register.js';
import './register.js';

export interface ScopeRow {
  readonly label: string;
  readonly scope1_kg: number;
  readonly scope2_location_kg?: number;
  readonly scope2_market_kg: number;
  readonly scope3_kg: number;
  readonly total_market_kg: number;
  /** Filters of the records behind this row; null = not filterable. */
  readonly filter: RecordFilters | null;
}

interface Props {
  readonly org: string;
  readonly rows: readonly ScopeRow[];
  readonly chartLabel: string;
  readonly caption: string;
  readonly rowHeader: string;
  readonly horizontal?: boolean;
}

export function ScopeBarChart({ org, rows, chartLabel, caption, rowHeader, horizontal = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const series = [
    { key: 'scope1_kg', scope: 1, label: t('scope.1'), color: COLORS.scope1 },
    { key: 'scope2_market_kg', scope: 2, label: t('scope.2market'), color: COLORS.scope2 },
    { key: 'scope3_kg', scope: 3, label: t('scope.3'), color: COLORS.scope3 },
  ] as const;
  const valueAxis = horizontal ? 'x' : 'y';
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { position: 'bottom' },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${tonnes(Number(ctx.raw) * 1000)} ${t('unit.tco2e')}` } },
    },
    scales: {
      x: { stacked: true, ...(valueAxis === 'x' ? { title: { display: true, text: t('unit.tco2e') }, ticks: { callback: (v: string | number) => tonnes(Number(v) * 1000) } } : {}) },
      y: { stacked: true, ...(valueAxis === 'y' ? { title: { display: true, text: t('unit.tco2e') }, ticks: { callback: (v: string | number) => tonnes(Number(v) * 1000) } } : {}) },
    },
    onClick: (_e, els) => {
      const el = els[0];
      if (el === undefined) return;
      const row = rows[el.index];
      const s = series[el.datasetIndex];
      if (row?.filter != null && s !== undefined) void navigate(recordsLink(org, { ...row.filter, scope: s.scope }));
    },
  };
  const data = {
    labels: rows.map((r) => r.label),
    datasets: series.map((s) => ({ label: s.label, data: rows.map((r) => r[s.key] / 1000), backgroundColor: s.color })),
  };
  const cell = (row: ScopeRow, kg: number, scope?: number) => row.filter === null || kg === 0
    ? tonnes(kg)
    : <Link to={recordsLink(org, scope === undefined ? row.filter : { ...row.filter, scope })}>{tonnes(kg)}</Link>;
  const height = horizontal ? Math.max(220, rows.length * 28 + 80) : 320;
  return (
    <div className="chart-then-table">
      <div className="chart-box" style={{ height }}>
        <Bar data={data} options={options} role="img" aria-label={chartLabel} />
      </div>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col" className="num">{t('scope.1')}</th>
              <th scope="col" className="num">{t('scope.2location')}</th>
              <th scope="col" className="num">{t('scope.2market')}</th>
              <th scope="col" className="num">{t('scope.3')}</th>
              <th scope="col" className="num">{t('total.market')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={6} className="empty">{t('common.noData')}</td></tr>}
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{cell(r, r.scope1_kg, 1)}</td>
                <td className="num">{r.scope2_location_kg === undefined ? '' : cell(r, r.scope2_location_kg, 2)}</td>
                <td className="num">{cell(r, r.scope2_market_kg, 2)}</td>
                <td className="num">{cell(r, r.scope3_kg, 3)}</td>
                <td className="num">{cell(r, r.total_market_kg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
