/** i18next set-up: four catalogues, the chosen language remembered in localStorage and set on <html lang>. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { vi } from './vi.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'zh-Hant', name: '繁體中文' },
  { code: 'vi', name: 'Tiếng Việt' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const catalogues: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, vi,
};

const STORAGE_KEY = 'cl_lang';

function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.some((l) => l.code === code);
}

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to the browser's language
  }
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-Hant';
  if (/^zh/i.test(nav)) return 'zh-Hans';
  if (/^vi/i.test(nav)) return 'vi';
  return 'en';
}

export function setLanguage(code: string): void {
  if (!isLanguage(code)) return;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered, still applied
  }
  void i18next.changeLanguage(code);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(catalogues).map(([k, v]) => [k, { translation: v }])),
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    document.title = i18next.t('app.title');
  });
  document.title = i18next.t('app.title');
  return i18next;
}
