/** Past import batches of the organisation, newest first (`listImports`). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, urlOf } from '../../api/client.js';
import { dateTime, number } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { importKindLabel } from '../../i18n/labels.js';
import { ErrorMessage, Loading } from '../ui.js';

const FIRST = 20;

/** `refresh`: change it to load the list again (after an import). */
export function ImportHistory({ org, refresh }: { readonly org: string; readonly refresh: unknown }) {
  const { t } = useTranslation();
  const list = useLoad((signal) => call('listImports', { params: { org }, signal }), [org, refresh]);
  const [all, setAll] = useState(false);
  // The API lists batches in the order they were made; the newest come first here.
  const batches = [...(list.data?.batches ?? [])].sort((a, b) => b.batch_id - a.batch_id);
  const shown = all ? batches : batches.slice(0, FIRST);
  return (
    <section className="card" aria-labelledby="import-history-h" data-testid="import-history">
      <h2 id="import-history-h">{t('import.history')}</h2>
      {list.loading && list.data === undefined && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data !== undefined && batches.length === 0 && <p className="empty">{t('import.historyNone')}</p>}
      {batches.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="import-history-caption" tabIndex={0}>
          <table>
            <caption id="import-history-caption">{t('import.historyCaption', { shown: number(shown.length, 0), total: number(batches.length, 0) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t('import.batch')}</th>
                <th scope="col">{t('import.errFile')}</th>
                <th scope="col">{t('import.kindLabel')}</th>
                <th scope="col">{t('import.mappingLabel')}</th>
                <th scope="col" className="num">{t('import.rowsImported')}</th>
                <th scope="col" className="num">{t('import.rowsQuarantined')}</th>
                <th scope="col">{t('import.historyBy')}</th>
                <th scope="col">{t('import.historyAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.batch_id}>
                  <td className="num">{b.batch_id}</td>
                  <th scope="row">{b.file_name}</th>
                  <td>{importKindLabel(t, b.kind)}</td>
                  <td>{b.mapping}</td>
                  <td className="num">{number(b.rows_imported, 0)}</td>
                  <td className="num">
                    {number(b.rows_quarantined, 0)}
                    {b.rows_quarantined > 0 && <> · <a download data-testid={`quarantined-csv-${b.batch_id}`} aria-label={t('import.quarantinedCsvOf', { batch: b.batch_id })}
                      href={urlOf('exportQuarantined', { org, batch: String(b.batch_id) })}>{t('import.quarantinedCsv')}</a></>}
                  </td>
                  <td>{b.imported_by}</td>
                  <td><time dateTime={b.imported_at}>{dateTime(b.imported_at)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!all && batches.length > FIRST && (
        <div className="actions">
          <button type="button" onClick={() => setAll(true)}>{t('import.historyShowAll', { total: number(batches.length, 0) })}</button>
        </div>
      )}
    </section>
  );
}
