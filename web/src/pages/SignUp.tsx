import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../api/client.js';
import { useSession } from '../api/session.js';
import { ErrorMessage, TextField, fieldError } from '../components/ui.js';
import { useSubmit } from '../hooks/useSubmit.js';

export function SignUpPage() {
  const { t } = useTranslation();
  const { setMe } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(() => call('signUp', { body: { name, email, password } }), (m) => {
    setMe(m);
    void navigate('/orgs', { replace: true });
  });

  return (
    <div className="narrow">
      <h1>{t('auth.signUpTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate className="card form">
        <div aria-live="assertive"><ErrorMessage error={error} /></div>
        <TextField label={t('auth.name')} name="name" autoComplete="name" required value={name}
          onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
        <TextField label={t('auth.email')} type="email" name="email" autoComplete="email" required value={email}
          onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <TextField label={t('auth.password')} type="password" name="password" autoComplete="new-password" required value={password}
          hint={t('auth.passwordHint')} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, 'password')} />
        <button type="submit" className="primary" disabled={busy}>{t('auth.createAccount')}</button>
      </form>
      <p>{t('auth.haveAccount')} <Link to="/sign-in">{t('auth.signIn')}</Link></p>
    </div>
  );
}
