/** Organisation editor: settings, entities with ownership periods, sites, business units, members. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit, type Submit } from '../hooks/useSubmit.js';
import { useParams } from 'react-router';
import type { ResponseOf } from '../../../src/api/contract.js';
import { ROLES } from '../../../src/app/access/permissions.js';
import { CONSOLIDATION_APPROACHES } from '../../../src/app/ledger/model.js';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorMessage, Loading, SelectField, TextField, fieldError } from '../components/ui.js';
import { date, monthName, percent } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { consolidationLabel, roleLabel } from '../i18n/labels.js';
import { MONTHS } from './Organisations.js';

type Org = ResponseOf<'getOrg'>;

function FormCard({ title, id, children, state, button }: { readonly title: string; readonly id: string; readonly children: ReactNode; readonly button: string; readonly state: Submit }) {
  const { t } = useTranslation();
  return (
    <form className="card form" aria-labelledby={id} onSubmit={(e) => void state.submit(e)} noValidate>
      <h3 id={id}>{title}</h3>
      <div aria-live="polite">
        <ErrorMessage error={state.error} />
        {state.saved && <p className="alert alert-success">{t('common.saved')}</p>}
      </div>
      {children}
      <button type="submit" className="primary" disabled={state.busy}>{button}</button>
    </form>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const { me } = useSession();
  const desc = useLoad((signal) => call('getOrg', { params: { org }, query: {}, signal }), [org]);
  const members = useLoad((signal) => call('listMembers', { params: { org }, signal }), [org]);
  const role = me?.memberships.find((m) => m.org === org)?.role;
  const isAdmin = role === 'admin';
  const o = desc.data;

  return (
    <>
      <h1>{o === undefined ? t('org.title') : t('org.titleNamed', { name: o.name })}</h1>
      {desc.loading && <Loading />}
      <ErrorMessage error={desc.error} />
      {o !== undefined && (
        <>
          <section aria-labelledby="org-settings">
            <h2 id="org-settings">{t('org.settings')}</h2>
            {isAdmin ? <SettingsForm org={org} o={o} onSaved={desc.reload} /> : (
              <dl className="facts card">
                <div><dt>{t('orgs.consolidation')}</dt><dd>{consolidationLabel(t, o.consolidation)}</dd></div>
                <div><dt>{t('orgs.yearStart')}</dt><dd>{monthName(o.year_start_month)}</dd></div>
                <div><dt>{t('orgs.currency')}</dt><dd>{o.currency}</dd></div>
              </dl>
            )}
          </section>

          <section aria-labelledby="org-entities">
            <h2 id="org-entities">{t('org.entities')}</h2>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('org.entities')}</caption>
                <thead><tr>
                  <th scope="col">{t('org.entity')}</th><th scope="col">{t('org.country')}</th><th scope="col">{t('org.from')}</th>
                  <th scope="col" className="num">{t('org.ownership')}</th><th scope="col">{t('org.financialControl')}</th>
                  <th scope="col">{t('org.operationalControl')}</th><th scope="col" className="num">{t('org.share')}</th>
                </tr></thead>
                <tbody>
                  {o.entities.length === 0 && <tr><td colSpan={7} className="empty">{t('org.noEntities')}</td></tr>}
                  {o.entities.flatMap((e) => (e.periods.length === 0 ? [null] : e.periods).map((p, i) => (
                    <tr key={`${e.name}-${i}`}>
                      <td>{i === 0 ? e.name : ''}</td>
                      <td>{i === 0 ? (e.country ?? '') : ''}</td>
                      <td>{p === null ? t('org.noPeriod') : date(p.from)}</td>
                      <td className="num">{p === null ? '' : percent(p.ownership_pct, 2)}</td>
                      <td>{p === null ? '' : p.financial_control ? t('common.yes') : t('common.no')}</td>
                      <td>{p === null ? '' : p.operational_control ? t('common.yes') : t('common.no')}</td>
                      <td className="num" title={e.share_reason}>{i === 0 ? percent(e.share * 100, 2) : ''}</td>
                    </tr>
                  )))}
                </tbody>
              </table>
            </div>
            {isAdmin && <EntityForm org={org} onSaved={desc.setData} />}
          </section>

          <section aria-labelledby="org-sites">
            <h2 id="org-sites">{t('org.sites')}</h2>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('org.sites')}</caption>
                <thead><tr><th scope="col">{t('org.siteName')}</th><th scope="col">{t('org.entity')}</th><th scope="col">{t('org.country')}</th><th scope="col">{t('org.gridRegion')}</th><th scope="col">{t('org.market')}</th><th scope="col">{t('org.gridFactor')}</th></tr></thead>
                <tbody>
                  {o.sites.length === 0 && <tr><td colSpan={6} className="empty">{t('org.noSites')}</td></tr>}
                  {o.sites.map((s) => <tr key={s.name}><td>{s.name}</td><td>{s.entity}</td><td>{s.country}</td><td>{s.grid_region}</td><td>{s.market}</td><GridFactorCell site={s} /></tr>)}
                </tbody>
              </table>
            </div>
            {isAdmin && <SiteForm org={org} o={o} onSaved={desc.setData} />}
          </section>

          <section aria-labelledby="org-bus">
            <h2 id="org-bus">{t('org.businessUnits')}</h2>
            {o.business_units.length === 0 ? <p className="empty">{t('org.noBusinessUnits')}</p> : <ul className="chips">{o.business_units.map((b) => <li key={b}>{b}</li>)}</ul>}
            {isAdmin && <BusinessUnitForm org={org} onSaved={desc.setData} />}
          </section>
        </>
      )}

      <section aria-labelledby="org-members">
        <h2 id="org-members">{t('org.members')}</h2>
        {members.loading ? <Loading /> : <ErrorMessage error={members.error} />}
        {members.data !== undefined && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('org.members')}</caption>
              <thead><tr><th scope="col">{t('auth.name')}</th><th scope="col">{t('auth.email')}</th><th scope="col">{t('orgs.role')}</th><th scope="col">{t('org.businessUnits')}</th></tr></thead>
              <tbody>
                {members.data.members.map((m) => (
                  <tr key={m.email}><td>{m.name}</td><td>{m.email}</td><td>{roleLabel(t, m.role)}</td><td>{m.business_units.join(', ')}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {isAdmin && o !== undefined && <MemberForm org={org} businessUnits={o.business_units} onSaved={members.setData} />}
      </section>
    </>
  );
}

function SettingsForm({ org, o, onSaved }: { readonly org: string; readonly o: Org; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [v, setV] = useState({ name: o.name, consolidation: o.consolidation, year_start_month: o.year_start_month, currency: o.currency });
  useEffect(() => setV({ name: o.name, consolidation: o.consolidation, year_start_month: o.year_start_month, currency: o.currency }), [o]);
  const state = useSubmit(() => call('updateOrg', { params: { org }, body: v }), () => { onSaved(); void refresh(); });
  return (
    <FormCard title={t('org.editSettings')} id="settings-form-h" state={state} button={t('common.save')}>
      <TextField label={t('orgs.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(state.error, 'name')} />
      <SelectField label={t('orgs.consolidation')} value={v.consolidation} onChange={(e) => setV({ ...v, consolidation: e.target.value as Org['consolidation'] })} error={fieldError(state.error, 'consolidation')}>
        {CONSOLIDATION_APPROACHES.map((c) => <option key={c} value={c}>{consolidationLabel(t, c)}</option>)}
      </SelectField>
      <SelectField label={t('orgs.yearStart')} value={v.year_start_month} onChange={(e) => setV({ ...v, year_start_month: Number(e.target.value) })} error={fieldError(state.error, 'year_start_month')}>
        {MONTHS.map((m) => <option key={m} value={m}>{monthName(m)}</option>)}
      </SelectField>
      <TextField label={t('orgs.currency')} maxLength={3} value={v.currency} onChange={(e) => setV({ ...v, currency: e.target.value.toUpperCase() })} error={fieldError(state.error, 'currency')} />
    </FormCard>
  );
}

function EntityForm({ org, onSaved }: { readonly org: string; readonly onSaved: (o: Org) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: '', country: '', from: '', ownership_pct: '100', financial_control: true, operational_control: true });
  const state = useSubmit(() => call('setEntity', {
    params: { org },
    body: {
      name: v.name, ...(v.country === '' ? {} : { country: v.country }),
      // Without a date only the entity itself is set; ownership and control take effect from a date.
      ...(v.from === '' ? {} : {
        from: v.from, financial_control: v.financial_control, operational_control: v.operational_control,
        // An emptied field is left out (the server keeps the period's value or asks for one), never read as 0 %.
        ...(v.ownership_pct.trim() === '' ? {} : { ownership_pct: Number(v.ownership_pct) }),
      }),
    },
  }), onSaved);
  return (
    <FormCard title={t('org.setEntity')} id="entity-form-h" state={state} button={t('common.save')}>
      <TextField label={t('org.entity')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(state.error, 'name')} />
      <TextField label={t('org.country')} hint={t('org.countryHint')} maxLength={2} value={v.country} onChange={(e) => setV({ ...v, country: e.target.value.toUpperCase() })} error={fieldError(state.error, 'country')} />
      <TextField label={t('org.from')} hint={t('org.fromHint')} type="date" value={v.from} onChange={(e) => setV({ ...v, from: e.target.value })} error={fieldError(state.error, 'from')} />
      <TextField label={t('org.ownership')} type="number" min={0} max={100} step="any" value={v.ownership_pct} onChange={(e) => setV({ ...v, ownership_pct: e.target.value })} error={fieldError(state.error, 'ownership_pct')} />
      <label className="choice"><input type="checkbox" checked={v.financial_control} onChange={(e) => setV({ ...v, financial_control: e.target.checked })} /> {t('org.financialControl')}</label>
      <label className="choice"><input type="checkbox" checked={v.operational_control} onChange={(e) => setV({ ...v, operational_control: e.target.checked })} /> {t('org.operationalControl')}</label>
    </FormCard>
  );
}

function SiteForm({ org, o, onSaved }: { readonly org: string; readonly o: Org; readonly onSaved: (o: Org) => void }) {
  const { t } = useTranslation();
  // With several entities none is chosen for the user: a site under the wrong one is counted at its share.
  const [v, setV] = useState({ name: '', entity: o.entities.length === 1 ? (o.entities[0]?.name ?? '') : '', country: '', grid_region: '', market: '' });
  const state = useSubmit(() => call('addSite', {
    params: { org },
    body: { name: v.name, entity: v.entity, country: v.country, ...(v.grid_region === '' ? {} : { grid_region: v.grid_region }), ...(v.market === '' ? {} : { market: v.market }) },
  }), onSaved);
  return (
    <FormCard title={t('org.addSite')} id="site-form-h" state={state} button={t('org.addSiteButton')}>
      <TextField label={t('org.siteName')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(state.error, 'name')} />
      <SelectField label={t('org.entity')} value={v.entity} onChange={(e) => setV({ ...v, entity: e.target.value })} error={fieldError(state.error, 'entity')}>
        {o.entities.length === 0 && <option value="">{t('org.noEntities')}</option>}
        {o.entities.length > 1 && <option value="" disabled>{t('org.chooseEntity')}</option>}
        {o.entities.map((e) => <option key={e.name} value={e.name}>{e.name}</option>)}
      </SelectField>
      <TextField label={t('org.country')} hint={t('org.countryHint')} maxLength={2} value={v.country} onChange={(e) => setV({ ...v, country: e.target.value.toUpperCase() })} error={fieldError(state.error, 'country')} />
      <TextField label={t('org.gridRegion')} hint={t('org.regionHint')} value={v.grid_region} onChange={(e) => setV({ ...v, grid_region: e.target.value.toUpperCase() })} error={fieldError(state.error, 'grid_region')} />
      <TextField label={t('org.market')} hint={t('org.regionHint')} value={v.market} onChange={(e) => setV({ ...v, market: e.target.value.toUpperCase() })} error={fieldError(state.error, 'market')} />
    </FormCard>
  );
}

function BusinessUnitForm({ org, onSaved }: { readonly org: string; readonly onSaved: (o: Org) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const state = useSubmit(() => call('addBusinessUnit', { params: { org }, body: { name } }), (o) => { onSaved(o); setName(''); });
  return (
    <FormCard title={t('org.addBusinessUnit')} id="bu-form-h" state={state} button={t('org.addBusinessUnitButton')}>
      <TextField label={t('org.businessUnitName')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(state.error, 'name')} />
    </FormCard>
  );
}

function MemberForm({ org, businessUnits, onSaved }: { readonly org: string; readonly businessUnits: readonly string[]; readonly onSaved: (m: ResponseOf<'listMembers'>) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('contributor');
  const [bus, setBus] = useState<string[]>([]);
  const state = useSubmit(() => call('setMember', { params: { org }, body: { email, role, business_units: role === 'data_owner' ? bus : [] } }), onSaved);
  return (
    <FormCard title={t('org.setMember')} id="member-form-h" state={state} button={t('common.save')}>
      <TextField label={t('auth.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(state.error, 'email')} />
      <SelectField label={t('orgs.role')} value={role} onChange={(e) => setRole(e.target.value as typeof role)} error={fieldError(state.error, 'role')}>
        {ROLES.map((r) => <option key={r} value={r}>{roleLabel(t, r)}</option>)}
      </SelectField>
      {role === 'data_owner' && (
        <fieldset>
          <legend>{t('org.memberBusinessUnits')}</legend>
          {businessUnits.map((b) => (
            <label key={b} className="choice">
              <input type="checkbox" checked={bus.includes(b)} onChange={(e) => setBus(e.target.checked ? [...bus, b] : bus.filter((x) => x !== b))} /> {b}
            </label>
          ))}
          {fieldError(state.error, 'business_units') !== undefined && <p className="field-error">{fieldError(state.error, 'business_units')}</p>}
        </fieldset>
      )}
    </FormCard>
  );
}

/** Which region's grid factor the site's electricity takes; flagged when it is not the site's own. */
function GridFactorCell({ site }: { site: { grid_region: string; grid_factor_region: string | null } }) {
  const { t } = useTranslation();
  if (site.grid_factor_region === site.grid_region) return <td>{site.grid_factor_region}</td>;
  if (site.grid_factor_region === null) return <td className="cell-warning">{t('org.gridFactorNone', { region: site.grid_region })}</td>;
  return <td className="cell-warning">{t('org.gridFactorFallback', { region: site.grid_region, used: site.grid_factor_region })}</td>;
}
