/**
 * A table of figures by scope (Scope 1, Scope 2 both bases, Scope 3, total market-based), one row per
 * entity, site, business unit, month or category; each figure links to the records it sums.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordsLink, type RecordFilters } from '../drill.js';
import { tonnes } from '../format.js';

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
  readonly caption?: string;
  readonly rowHeader: string;
}

export function ScopeTable({ org, rows, caption, rowHeader }: Props) {
  const { t } = useTranslation();
  const cell = (row: ScopeRow, kg: number, scope?: number) => row.filter === null || kg === 0
    ? tonnes(kg)
    : <Link to={recordsLink(org, scope === undefined ? row.filter : { ...row.filter, scope })}>{tonnes(kg)}</Link>;
  return (
    <table>
      {caption !== undefined && <caption>{caption}</caption>}
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
  );
}
