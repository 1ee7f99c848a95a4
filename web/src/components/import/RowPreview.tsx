/** The first data rows of a CSV file under its own header, so the user sees what they are mapping. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { number } from '../../format.js';

export const PREVIEW_ROWS = 10;

/** `csv`: parsed rows, header first. */
export function RowPreview({ csv }: { readonly csv: readonly (readonly string[])[] }) {
  const { t } = useTranslation();
  const id = useId();
  const header = csv[0] ?? [];
  const total = Math.max(0, csv.length - 1);
  const rows = csv.slice(1, 1 + PREVIEW_ROWS);
  if (header.length === 0) return null;
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="preview-table" data-testid="row-preview">
        <caption id={id}>
          {rows.length < total
            ? t('import.previewCaption', { shown: number(rows.length, 0), rows: number(total, 0) })
            : t('import.previewAll', { rows: number(total, 0) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('import.errRow')}</th>
            {header.map((h, i) => <th key={i} scope="col">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri}>
              {/* Row numbers as the validation reports them: the header is row 1. */}
              <th scope="row" className="num">{ri + 2}</th>
              {header.map((_, ci) => <td key={ci} title={r[ci] ?? ''}>{r[ci] ?? ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
