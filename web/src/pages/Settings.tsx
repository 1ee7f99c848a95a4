/** Settings: API tokens — list, create with scopes (the secret shown once, with a copy button), revoke. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src/api/contract.js';
import { TOKEN_SCOPES } from '../../../src/app/access/permissions.js';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorMessage, Loading, SelectField, TextField, fieldError } from '../components/ui.js';
import { dateTime } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { useSubmit } from '../hooks/useSubmit.js';
import { tokenScopeLabel } from '../i18n/labels.js';

type Scope = (typeof TOKEN_SCOPES)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const list = useLoad((signal) => call('listTokens', { signal }), []);
  const [name, setName] = useState('');
  const [org, setOrg] = useState(me?.memberships[0]?.org ?? '');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [created, setCreated] = useState<ResponseOf<'createToken'> | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(undefined);

  const { error, busy, submit } = useSubmit(() => call('createToken', { body: { name, org: org === '' ? null : org, scopes } }), (tok) => {
    setCreated(tok);
    setCopied(false);
    setName('');
    list.reload();
  });
  const create = (e: FormEvent): Promise<void> => {
    setCreated(null);
    return submit(e);
  };
  const revoke = async (id: number) => {
    setRevokeError(undefined);
    try {
      await call('revokeToken', { params: { id: String(id) } });
      list.reload();
    } catch (err) {
      setRevokeError(err);
    }
  };
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">{t('tokens.title')}</h2>
        <p className="muted">{t('tokens.intro')}</p>
        {list.loading ? <Loading /> : <ErrorMessage error={list.error} />}
        <div aria-live="polite"><ErrorMessage error={revokeError} /></div>
        {list.data !== undefined && (
          <div className="table-wrap">
            <table data-testid="tokens-table">
              <caption className="visually-hidden">{t('tokens.title')}</caption>
              <thead><tr>
                <th scope="col">{t('tokens.name')}</th><th scope="col">{t('tokens.org')}</th><th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.created')}</th><th scope="col">{t('tokens.lastUsed')}</th><th scope="col">{t('tokens.status')}</th>
                <th scope="col">{t('tokens.actions')}</th>
              </tr></thead>
              <tbody>
                {list.data.tokens.length === 0 && <tr><td colSpan={7} className="empty">{t('tokens.none')}</td></tr>}
                {list.data.tokens.map((tok) => (
                  <tr key={tok.id}>
                    <td>{tok.name}</td>
                    <td>{tok.org ?? t('tokens.noOrg')}</td>
                    <td>{tok.scopes.map((s) => tokenScopeLabel(t, s)).join(', ')}</td>
                    <td>{dateTime(tok.created_at)}</td>
                    <td>{tok.last_used_at === null ? t('tokens.never') : dateTime(tok.last_used_at)}</td>
                    <td data-testid="token-status">{tok.revoked_at === null ? t('tokens.active') : t('tokens.revokedAt', { at: dateTime(tok.revoked_at) })}</td>
                    <td>
                      {tok.revoked_at === null
                        && <button type="button" className="danger" onClick={() => void revoke(tok.id)} aria-label={t('tokens.revokeNamed', { name: tok.name })}>{t('tokens.revoke')}</button>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="token-create-h">
        <h2 id="token-create-h">{t('tokens.create')}</h2>
        <form className="card form" onSubmit={(e) => void create(e)} noValidate>
          <div aria-live="polite">
            <ErrorMessage error={error} />
            {created !== null && (
              <div className="alert alert-success" data-testid="token-secret-box">
                <p>{t('tokens.secretOnce')}</p>
                <p><code className="secret" data-testid="token-secret">{created.token}</code></p>
                <button type="button" onClick={() => void copy(created.token)}>{copied ? t('tokens.copied') : t('tokens.copy')}</button>
              </div>
            )}
          </div>
          <TextField label={t('tokens.name')} value={name} required onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
          <SelectField label={t('tokens.org')} value={org} onChange={(e) => setOrg(e.target.value)} error={fieldError(error, 'org')}>
            <option value="">{t('tokens.noOrg')}</option>
            {(me?.memberships ?? []).map((m) => <option key={m.org} value={m.org}>{m.name}</option>)}
          </SelectField>
          <fieldset>
            <legend>{t('tokens.scopes')}</legend>
            {TOKEN_SCOPES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} /> {tokenScopeLabel(t, s)}
              </label>
            ))}
            {fieldError(error, 'scopes') !== undefined && <p className="field-error">{fieldError(error, 'scopes')}</p>}
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>{t('tokens.createButton')}</button>
        </form>
      </section>
    </>
  );
}
