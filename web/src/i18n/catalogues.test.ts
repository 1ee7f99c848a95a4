import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TEXT, placeholdersOf } from '../../../src/app/import/problems.js';
import i18next from 'i18next';
import { reportLabels, type ReportLanguage } from '../../../src/app/report/report-labels.js';
import { SCOPE3_CATEGORY_NAMES } from '../../../src/app/report/scope3-categories.js';
import { en } from './en.js';
import { categoryLabel } from './labels.js';
import { vi } from './vi.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

const catalogues: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, vi };
const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n catalogues', () => {
  const all = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));

  for (const [lang, cat] of Object.entries(catalogues)) {
    it(`${lang} has every key, none empty`, () => {
      const missing = [...all].filter((k) => typeof cat[k] !== 'string' || cat[k].trim() === '');
      expect(missing).toEqual([]);
    });
    it(`${lang} keeps the placeholders of en`, () => {
      const wrong = Object.keys(en).filter((k) => placeholders(cat[k] ?? '').join() !== placeholders(en[k as keyof typeof en]).join());
      expect(wrong).toEqual([]);
    });
  }

  it('names the Scope 3 categories as the exported reports do', async () => {
    for (const [lang, cat] of Object.entries(catalogues)) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng: lang, resources: { [lang]: { translation: cat } }, interpolation: { escapeValue: false } });
      const web = Array.from({ length: 15 }, (_, i) => categoryLabel(i18n.t.bind(i18n), i + 1));
      const exported = Array.from({ length: 15 }, (_, i) => reportLabels(lang).categoryName(i + 1));
      expect([lang, web]).toEqual([lang, exported]);
      expect(web[0]).toBe(`1. ${SCOPE3_CATEGORY_NAMES[lang as ReportLanguage][0]}`);
    }
  });

  it('words every import problem the server can name, with the values the server sends', () => {
    const web = Object.keys(en).filter((k) => k.startsWith('problem.')).map((k) => k.slice('problem.'.length)).sort();
    expect(web).toEqual(Object.keys(PROBLEM_TEXT).sort());
    const wrong = Object.entries(PROBLEM_TEXT).filter(([code, text]) => placeholders(en[`problem.${code}` as keyof typeof en]).join() !== placeholdersOf(text).join());
    expect(wrong).toEqual([]);
  });

  it('every t(\'…\') key used in the source exists in en', () => {
    const files = sourceFiles(srcDir);
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*['"`]([^'"`$]+)['"`]/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    const unknown = [...used].filter((k) => !(k in en));
    expect(unknown).toEqual([]);
  });
});
