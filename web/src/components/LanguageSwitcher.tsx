import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/index.js';

/** Labelled "Language" in the active language; each option in its own name. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="inline-field">
      <label htmlFor="language-select">{t('nav.language')}</label>
      <select id="language-select" data-testid="language-select" value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
      </select>
    </div>
  );
}
