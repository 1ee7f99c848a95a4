/** The organisation's audit log, newest first, with the check of its hash chain above it. */
import { KeysetPager, useKeysetPages } from '../components/KeysetPager.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { actionParts } from '../../../src/app/audit/audit-summary.js';
import { call } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/ui.js';
import { dateTime } from '../format.js';
import { auditFieldLabel, auditValueLabel } from '../i18n/labels.js';
import { useLoad } from '../hooks/useLoad.js';

const PAGE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const pages = useKeysetPages(org);
  const before = pages.cursor;
  const check = useLoad((signal) => call('verifyAudit', { params: { org }, signal }), [org]);
  const page = useLoad((signal) => call('auditLog', { params: { org }, query: { before, limit: PAGE }, signal }), [org, before]);

  const what = (action: string): string => {
    const a = actionParts(action);
    return a === null ? action : t(`audit.op.${a.op}`, { what: t(`audit.table.${a.table}`) });
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
                    <td>{e.facts.length === 0 ? '' : (
                      <ul className="plain">
                        {e.facts.map((f) => (
                          <li key={f.field}>
                            <span title={f.field}>{auditFieldLabel(t, f.field)}</span>{' '}
                            {'value' in f ? auditValueLabel(t, f.field, f.value) : `${auditValueLabel(t, f.field, f.from)} → ${auditValueLabel(t, f.field, f.to)}`}
                          </li>
                        ))}
                      </ul>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <KeysetPager pages={pages} next={page.data.next_before} label={t('audit.paging')} backLabel={t('audit.newer')} forwardLabel={t('audit.older')} />
        </>
      )}
    </>
  );
}
