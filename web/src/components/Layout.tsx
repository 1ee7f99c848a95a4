/** Page frame: skip link, header with navigation, organisation picker and language switcher, main. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function Layout({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const { org } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const memberships = me?.memberships ?? [];
  const current = org ?? memberships[0]?.org;

  const signOut = async () => {
    try {
      await call('signOut', {});
    } finally {
      setMe(null);
      void navigate('/sign-in');
    }
  };
  const switchOrg = (slug: string) => {
    const rest = org !== undefined ? location.pathname.replace(/^\/orgs\/[^/]+/, '').replace(/^\/records\/.+$/, '/records') : '/dashboard';
    void navigate(`/orgs/${encodeURIComponent(slug)}${rest || '/dashboard'}`);
  };
  const o = current === undefined ? undefined : `/orgs/${encodeURIComponent(current)}`;

  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="header-inner">
          <NavLink to="/" className="brand">{t('app.name')}</NavLink>
          {me !== null && me !== undefined && (
            <nav aria-label={t('nav.main')}>
              <ul className="nav-list">
                {o !== undefined && <>
                  <li><NavLink to={`${o}/dashboard`}>{t('nav.dashboard')}</NavLink></li>
                  <li><NavLink to={`${o}/import`}>{t('nav.import')}</NavLink></li>
                  <li><NavLink to={`${o}/records`}>{t('nav.records')}</NavLink></li>
                  <li><NavLink to={`${o}/report`}>{t('nav.report')}</NavLink></li>
                  <li><NavLink to={`${o}/organisation`}>{t('nav.organisation')}</NavLink></li>
                  <li><NavLink to={`${o}/audit`}>{t('nav.audit')}</NavLink></li>
                </>}
                <li><NavLink to="/factors">{t('nav.factors')}</NavLink></li>
                <li><NavLink to="/orgs" end>{t('nav.organisations')}</NavLink></li>
                <li><NavLink to="/settings">{t('nav.settings')}</NavLink></li>
              </ul>
            </nav>
          )}
          <div className="header-tools">
            {memberships.length > 1 && current !== undefined && (
              <div className="inline-field">
                <label htmlFor="org-picker">{t('nav.organisationPicker')}</label>
                <select id="org-picker" data-testid="org-picker" value={current} onChange={(e) => switchOrg(e.target.value)}>
                  {memberships.map((m) => <option key={m.org} value={m.org}>{m.name}</option>)}
                </select>
              </div>
            )}
            <LanguageSwitcher />
            {me !== null && me !== undefined && (
              <button type="button" className="button-link" onClick={() => void signOut()}>{t('nav.signOut')}</button>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
