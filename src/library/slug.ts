/**
 * @module library/slug
 * ASCII slugs for activity keys and factor ids: lowercase, words joined by hyphens. Symbols that
 * carry meaning in source names (`<`, `%`, `+`, `≤`) become words so that distinct rows keep
 * distinct slugs (`Naphtha (<401 deg F)` → `naphtha-lt-401-deg-f`, `>3.5` → `gt-3p5`).
 */
import { LibraryDataError } from './csv.js';

const WORDS: readonly (readonly [RegExp, string])[] = [
  [/[–—]/g, '-'],
  [/≤|<=/g, ' up to '],
  [/≥|>=/g, ' from '],
  [/</g, ' lt '],
  [/>/g, ' gt '],
  [/&/g, ' and '],
  [/%/g, 'pct'],
  [/\+/g, ' plus '],
  // Decimal points: `3.5` → `3p5`, since a dot would split the activity key.
  [/(?<=\d)\.(?=\d)/g, 'p'],
  // Thousands separators: `10,000` → `10000`, so the number stays one word.
  [/(?<=\d),(?=\d{3}(\D|$))/g, ''],
];

/** Source names repeat a lot (DESNZ levels), so slugs are memoised: a large share of load time otherwise. */
const memo = new Map<string, string>();

export function slug(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, word] of WORDS) s = s.replace(pattern, word);
  s = s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s === '') throw new LibraryDataError(`"${text}" has no characters usable in a slug`);
  memo.set(text, s);
  return s;
}
