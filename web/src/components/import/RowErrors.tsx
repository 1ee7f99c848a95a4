/** Row errors of a dry run as a table; for CSV files the offending cells are editable in place. */
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/importJob.js';
import { problemMessage } from '../../i18n/labels.js';

export type Edits = Readonly<Record<string, string>>;

interface Props {
  readonly result: ImportResult;
  /** Source column index of a canonical field in the CSV, or null when the cell cannot be edited here. */
  readonly columnOf: ((field: string) => number | null) | null;
  readonly csv: readonly (readonly string[])[] | null;
  readonly edits: Edits;
  readonly onEdit: (key: string, value: string) => void;
}

export const cellKey = (rowIndex: number, col: number): string => `${rowIndex}:${col}`;

export function RowErrors({ result, columnOf, csv, edits, onEdit }: Props) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  return (
    <div className="table-wrap">
      <table data-testid="row-errors">
        <caption>
          {t('import.errorsCaption', { count: result.error_count })}
          {result.errors.length < result.error_count && ` ${t('import.errorsShown', { shown: result.errors.length })}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('import.errFile')}</th>
            <th scope="col">{t('import.errRow')}</th>
            <th scope="col">{t('import.errField')}</th>
            <th scope="col">{t('import.errMessage')}</th>
            {csv !== null && <th scope="col">{t('import.errFix')}</th>}
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e, i) => {
            const rowIndex = e.row - 1;
            const col = columnOf === null || csv === null || e.label !== 'row' || rowIndex < 1 || rowIndex >= csv.length ? null : columnOf(e.field);
            const key = col === null ? '' : cellKey(rowIndex, col);
            const first = key !== '' && !seen.has(key);
            if (key !== '') seen.add(key);
            return (
              <tr key={i}>
                <td>{e.file}</td>
                <td>{e.label === 'row' ? e.row : `${e.label} ${e.row}`}</td>
                <td><code>{e.field}</code></td>
                <td>{problemMessage(t, e)}</td>
                {csv !== null && (
                  <td>
                    {col !== null && first ? (
                      <input
                        className="cell-input"
                        aria-label={t('import.fixCell', { row: e.row, field: e.field })}
                        value={edits[key] ?? csv[rowIndex]?.[col] ?? ''}
                        onChange={(ev) => onEdit(key, ev.target.value)}
                      />
                    ) : col !== null ? <span className="muted">{t('import.sameCell')}</span> : null}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
