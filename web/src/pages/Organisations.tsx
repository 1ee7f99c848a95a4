import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../hooks/useSubmit.js';
import { Link, useNavigate } from 'react-router';
import { CONSOLIDATION_APPROACHES } from '../../../src/app/ledger/model.js';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorMessage, Loading, SelectField, TextField, fieldError } from '../components/ui.js';
import { useLoad } from '../hooks/useLoad.js';
import { consolidationLabel, roleLabel } from '../i18n/labels.js';
import { monthName } from '../format.js';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const list = useLoad((signal) => call('listOrgs', { signal }), []);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [consolidation, setConsolidation] = useState<(typeof CONSOLIDATION_APPROACHES)[number]>('operational_control');
  const [month, setMonth] = useState(1);
  const [currency, setCurrency] = useState('USD');
  const { error, busy, submit } = useSubmit(
    () => call('createOrg', { body: { slug, name, consolidation, year_start_month: month, currency } }),
    async (o) => {
      await refresh();
      void navigate(`/orgs/${encodeURIComponent(o.slug)}/organisation`);
    },
  );

  return (
    <>
      <h1>{t('orgs.title')}</h1>
      <section aria-labelledby="orgs-list">
        <h2 id="orgs-list">{t('orgs.yours')}</h2>
        {list.loading ? <Loading /> : <ErrorMessage error={list.error} />}
        {list.data !== undefined && (list.data.organisations.length === 0
          ? <p className="empty">{t('orgs.none')}</p>
          : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('orgs.name')}</th><th scope="col">{t('orgs.slug')}</th><th scope="col">{t('orgs.role')}</th><th scope="col">{t('orgs.consolidation')}</th></tr></thead>
                <tbody>
                  {list.data.organisations.map((o) => (
                    <tr key={o.slug}>
                      <td><Link to={`/orgs/${encodeURIComponent(o.slug)}/dashboard`}>{o.name}</Link></td>
                      <td><code>{o.slug}</code></td>
                      <td>{roleLabel(t, o.role)}</td>
                      <td>{consolidationLabel(t, o.consolidation)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
      <section aria-labelledby="orgs-create">
        <h2 id="orgs-create">{t('orgs.create')}</h2>
        <form className="card form" onSubmit={(e) => void submit(e)} noValidate data-testid="create-org-form">
          <div aria-live="assertive"><ErrorMessage error={error} /></div>
          <TextField label={t('orgs.slug')} name="slug" required value={slug} onChange={(e) => setSlug(e.target.value)}
            hint={t('orgs.slugHint')} error={fieldError(error, 'slug')} />
          <TextField label={t('orgs.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
          <SelectField label={t('orgs.consolidation')} name="consolidation" value={consolidation}
            onChange={(e) => setConsolidation(e.target.value as typeof consolidation)} error={fieldError(error, 'consolidation')}>
            {CONSOLIDATION_APPROACHES.map((c) => <option key={c} value={c}>{consolidationLabel(t, c)}</option>)}
          </SelectField>
          <SelectField label={t('orgs.yearStart')} name="year_start_month" value={month} onChange={(e) => setMonth(Number(e.target.value))}
            error={fieldError(error, 'year_start_month')}>
            {MONTHS.map((m) => <option key={m} value={m}>{monthName(m)}</option>)}
          </SelectField>
          <TextField label={t('orgs.currency')} name="currency" required maxLength={3} value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())} error={fieldError(error, 'currency')} />
          <button type="submit" className="primary" disabled={busy}>{t('orgs.createButton')}</button>
        </form>
      </section>
    </>
  );
}
