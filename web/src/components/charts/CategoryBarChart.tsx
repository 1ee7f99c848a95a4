/** Scope 3 by category: one bar per category, with its data table. */
import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { recordsLink } from '../../drill.js';
import { tonnes } from '../../format.js';
import { categoryLabel } from '../../i18n/labels.js';
import { COLORS } from './register.js';
import './register.js';

interface Props {
  readonly org: string;
  readonly year: string;
  readonly byCategory: Readonly<Record<string, number>>;
}

export function CategoryBarChart({ org, year, byCategory }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = Object.entries(byCategory).map(([c, kg]) => ({ category: Number(c), label: categoryLabel(t, c), kg }))
    .sort((a, b) => a.category - b.category);
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: 'y',
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => `${tonnes(Number(ctx.raw) * 1000)} ${t('unit.tco2e')}` } } },
    scales: { x: { beginAtZero: true, title: { display: true, text: t('unit.tco2e') }, ticks: { callback: (v) => tonnes(Number(v) * 1000) } } },
    onClick: (_e, els) => {
      const r = els[0] === undefined ? undefined : rows[els[0].index];
      if (r !== undefined) void navigate(recordsLink(org, { year, scope: 3, category: r.category }));
    },
  };
  const data = { labels: rows.map((r) => r.label), datasets: [{ label: t('scope.3'), data: rows.map((r) => r.kg / 1000), backgroundColor: COLORS.scope3 }] };
  return (
    <div className="chart-with-table">
      <div className="chart-box" style={{ height: Math.max(220, rows.length * 30 + 80) }}>
        <Bar data={data} options={options} role="img" aria-label={t('dashboard.breakdownChartLabel', { dimension: t('dashboard.dim.category') })} />
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('dashboard.breakdownCaption', { dimension: t('dashboard.dim.category') })}</caption>
          <thead><tr><th scope="col">{t('records.category')}</th><th scope="col" className="num">{t('common.tco2e')}</th></tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={2} className="empty">{t('common.noData')}</td></tr>}
            {rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{r.label}</th>
                <td className="num"><Link to={recordsLink(org, { year, scope: 3, category: r.category })}>{tonnes(r.kg)}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
