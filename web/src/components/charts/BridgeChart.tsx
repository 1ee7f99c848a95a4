/** Year-on-year bridge: floating bars from the previous total through each change to this year's total. */
import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RecordFilters } from '../../drill.js';
import { recordsLink } from '../../drill.js';
import { tonnes, tonnesSigned } from '../../format.js';
import { categoryLabel } from '../../i18n/labels.js';
import { bridgeAxisMin, type BridgeStep } from './bridge.js';
import { COLORS } from './register.js';
import './register.js';

interface Props {
  readonly org: string;
  readonly steps: readonly BridgeStep[];
  readonly year: string;
}

export function BridgeChart({ org, steps, year }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = (s: BridgeStep): string => {
    switch (s.kind) {
      case 'previous': return t('bridge.previous');
      case 'scope1': return t('bridge.scope1');
      case 'scope2': return t('bridge.scope2');
      case 'category': return t('bridge.category', { category: categoryLabel(t, s.category ?? 0) });
      case 'other': return t('bridge.other');
      case 'current': return t('bridge.current', { year });
    }
  };
  const labels = steps.map(label);
  const axisMin = bridgeAxisMin(steps);
  const drill = (f: RecordFilters) => void navigate(recordsLink(org, f.year === undefined ? { ...f, year } : f));
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (ctx) => { const s = steps[ctx.dataIndex]; return s === undefined ? '' : `${s.kind === 'previous' || s.kind === 'current' ? tonnes(s.value) : tonnesSigned(s.value)} ${t('unit.tco2e')}`; } } },
    },
    scales: {
      x: { ticks: { autoSkip: false, maxRotation: 60 } },
      y: { beginAtZero: axisMin === 0, ...(axisMin > 0 ? { min: axisMin } : {}), title: { display: true, text: t('unit.tco2e') }, ticks: { callback: (v) => tonnes(Number(v) * 1000) } },
    },
    onClick: (_e, els) => {
      const s = els[0] === undefined ? undefined : steps[els[0].index];
      if (s !== undefined && s.kind !== 'previous') drill(s.filter);
    },
  };
  const data = {
    labels,
    datasets: [{
      label: t('bridge.title'),
      data: steps.map((s) => [Math.min(s.start, s.end) / 1000, Math.max(s.start, s.end) / 1000] as [number, number]),
      backgroundColor: steps.map((s) => (s.kind === 'previous' || s.kind === 'current' ? COLORS.total : s.value > 0 ? COLORS.up : COLORS.down)),
    }],
  };
  return (
    <div className="chart-with-table">
      <div>
        <div className="chart-box">
          <Bar data={data} options={options} role="img" aria-label={t('bridge.chartLabel')} />
        </div>
        {axisMin > 0 && <p className="small muted chart-note" data-testid="bridge-axis-note" data-min={axisMin}>{t('bridge.axisNote', { min: tonnes(axisMin * 1000) })}</p>}
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('bridge.tableCaption')}</caption>
          <thead><tr><th scope="col">{t('bridge.step')}</th><th scope="col" className="num">{t('common.tco2e')}</th></tr></thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={i} className={s.kind === 'previous' || s.kind === 'current' ? 'total-row' : undefined}>
                <th scope="row">{labels[i]}</th>
                <td className="num">
                  {s.kind === 'previous' ? tonnes(s.value)
                    : <Link to={recordsLink(org, s.filter.year === undefined ? { ...s.filter, year } : s.filter)}>
                      {s.kind === 'current' ? tonnes(s.value) : tonnesSigned(s.value)}
                    </Link>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
