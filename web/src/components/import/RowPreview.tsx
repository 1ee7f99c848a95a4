/** The first data rows of a CSV file under its own header, so the user sees what they are mapping. */
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { blankRow, fieldCountMismatches } from '../../csv.js';
import { number } from '../../format.js';

export const PREVIEW_ROWS = 10;

/** `csv`: parsed rows, header first. */
export function RowPreview({ csv }: { readonly csv: readonly (readonly string[])[] }) {
  const { t } = useTranslation();
  const id = useId();
  const header = csv[0] ?? [];
  const total = Math.max(0, csv.length - 1);
  const rows = csv.slice(1, 1 + PREVIEW_ROWS);
  const mismatches = fieldCountMismatches(csv);
  if (header.length === 0) return null;
  return (
    <>
      {mismatches.length > 0 && (
        <p className="alert alert-warning" role="status" data-testid="row-preview-mismatch">
          {/* Row numbers as the validation reports them: the header is row 1. */}
          {t('import.rowFieldCountSummary', { n: number(mismatches.length, 0), row: number((mismatches[0] ?? 0) + 1, 0) })}
        </p>
      )}
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
            {rows.map((r, ri) => {
              const wrong = r.length !== header.length && !blankRow(r);
              return (
                <Fragment key={ri}>
                  <tr className={wrong ? 'row-mismatch' : undefined}>
                    {/* Row numbers as the validation reports them: the header is row 1. */}
                    <th scope="row" className="num">{wrong && <span aria-hidden="true">⚠ </span>}{ri + 2}</th>
                    {header.map((_, ci) => <td key={ci} title={r[ci] ?? ''}>{r[ci] ?? ''}</td>)}
                  </tr>
                  {wrong && (
                    <tr className="row-note" data-testid="row-preview-note">
                      <td colSpan={header.length + 1}>
                        <div>{t('import.rowFieldCount', { n: number(r.length, 0), m: number(header.length, 0) })}</div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
