import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorMessage, TextField, fieldError } from '../components/ui.js';
import { useSubmit } from '../hooks/useSubmit.js';

export function SignInPage() {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Only a path of this app: not "//host", which a browser reads as another site.
  const asked = params.get('next') ?? '/';
  const next = asked.startsWith('/') && !asked.startsWith('//') ? asked : '/';
  const { error, busy, submit } = useSubmit(() => call('signIn', { body: { email, password } }), (signedIn) => {
    setMe(signedIn);
    void navigate(next, { replace: true });
  });

  if (me !== null && me !== undefined && !busy) return <Navigate to={next} replace />;

  return (
    <div className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate className="card form">
        <div aria-live="assertive"><ErrorMessage error={error} /></div>
        <TextField label={t('auth.email')} type="email" name="email" autoComplete="email" required value={email}
          onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <TextField label={t('auth.password')} type="password" name="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} error={fieldError(error, 'password')} />
        <button type="submit" className="primary" disabled={busy}>{t('auth.signIn')}</button>
      </form>
      <p>{t('auth.noAccount')} <Link to="/sign-up">{t('auth.signUp')}</Link></p>
    </div>
  );
}
