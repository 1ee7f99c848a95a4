/** Bars stacked by scope (1, 2 market-based, 3) per row — the monthly trend and the breakdowns — with their data table. */
import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { recordsLink } from '../../drill.js';
import { tonnes } from '../../format.js';
import { ScopeTable, type ScopeRow } from '../ScopeTable.js';
import { COLORS } from './register.js';
import './register.js';


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
  const height = horizontal ? Math.max(220, rows.length * 28 + 80) : 320;
  return (
    <div className="chart-then-table">
      <div className="chart-box" style={{ height }}>
        <Bar data={data} options={options} role="img" aria-label={chartLabel} />
      </div>
      <div className="table-wrap">
        <ScopeTable org={org} rows={rows} caption={caption} rowHeader={rowHeader} />
      </div>
    </div>
  );
}
