/** The organisation's audit log, newest first, with the check of its hash chain above it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { dateTime } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';

const PAGE = 50;
const TABLES = ['organisations', 'entities', 'entity_periods', 'sites', 'business_units', 'column_mappings', 'import_batches', 'calc_versions',
  'memberships', 'org_metrics'] as const;
const OPS = ['insert', 'update', 'delete'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  // Keyset paging: the `before` cursor of each page after the first.
  const [stack, setStack] = useState<{ org: string; cursors: number[] }>({ org, cursors: [] });
  const cursors = stack.org === org ? stack.cursors : [];
  const before = cursors[cursors.length - 1];
  const check = useLoad((signal) => call('verifyAudit', { params: { org }, signal }), [org]);
  const page = useLoad((signal) => call('auditLog', { params: { org }, query: { before, limit: PAGE }, signal }), [org, before]);

  const what = (action: string): string => {
    const [table, op] = action.split('.');
    const known = TABLES.find((x) => x === table);
    const knownOp = OPS.find((x) => x === op);
    return known === undefined || knownOp === undefined ? action : t(`audit.op.${knownOp}`, { what: t(`audit.table.${known}`) });
  };
  const c = check.data;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="hint">{t('audit.intro')}</p>
      <section className="card" aria-labelledby="audit-check" aria-live="polite">
        <h2 id="audit-check">{t('audit.check')}</h2>
        {check.loading && <Loading />}
        <ErrorMessage error={check.error} />
        {c !== undefined && (c.broken === null
          ? <p data-testid="audit-intact">{c.entries === 0 ? t('audit.empty') : t('audit.intact', { entries: c.entries })}</p>
          : <p className="error" role="alert" data-testid="audit-broken">{t(`audit.broken.${c.broken.fault}`, { seq: c.broken.seq })}</p>)}
        {c?.head != null && (
          <>
            <p>{t('audit.head', { seq: c.head.seq })} <code className="hash" data-testid="audit-head">{c.head.hash}</code></p>
            <p className="hint">{t('audit.keepHead')}</p>
          </>
        )}
      </section>
      <div aria-live="polite">{page.loading ? <Loading /> : <ErrorMessage error={page.error} />}</div>
      {page.data !== undefined && (
        <>
          <div className="table-wrap">
            <table data-testid="audit-table">
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.change')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.data.entries.length === 0 && <tr><td colSpan={5} className="empty">{t('audit.none')}</td></tr>}
                {page.data.entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap"><time dateTime={e.at} title={e.at}>{dateTime(e.at)}</time></td>
                    <td>{e.actor}</td>
                    <td><span title={e.action}>{what(e.action)}</span> <strong>{e.subject}</strong></td>
                    <td>{e.facts.length === 0 ? '' : <ul className="plain">{e.facts.map((f) => <li key={f}><code>{f}</code></li>)}</ul>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('audit.paging')}>
            <button type="button" disabled={cursors.length === 0} onClick={() => setStack({ org, cursors: cursors.slice(0, -1) })}>{t('audit.newer')}</button>
            <span>{t('records.page', { n: cursors.length + 1 })}</span>
            <button type="button" disabled={page.data.next_before === null} onClick={() => {
              const n = page.data?.next_before;
              if (n != null) setStack({ org, cursors: [...cursors, n] });
            }}>{t('audit.older')}</button>
          </nav>
        </>
      )}
    </>
  );
}
