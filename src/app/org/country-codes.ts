/**
 * @module org/country-codes
 * Which two-letter codes are countries (ISO 3166-1 alpha-2), from the Unicode CLDR data that
 * Node.js ships with its ICU: a code is a country when CLDR names it as a region, it is its own
 * canonical form, and it is not one of the few region codes CLDR names that ISO 3166-1 does not
 * give to a country. A site's country chooses its factors, so a code that is not a country must be
 * refused, never read as "somewhere" (it would take world-average factors without a word).
 */

const NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Region codes CLDR names that are not ISO 3166-1 countries: groupings (EU, EZ, UN, QO), the
 * unknown region (ZZ), pseudo-regions (XA, XB) and ISO's exceptionally reserved codes (AC, CP,
 * CQ, DG, EA, IC, TA: parts of countries that have codes of their own). XK (Kosovo) is kept: it is
 * not assigned by ISO, but is the code in common use, by the European Commission among others.
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

/**
 * Retired codes of countries that were divided, which CLDR maps to one of their successors (AN →
 * CW): the right code depends on where the site is, so none is suggested.
 */
const DIVIDED = new Set(['AN', 'CS', 'SU', 'YU']);

/** What is wrong with `code` as a country, or null when it is one. */
export function countryCodeProblem(code: string): string | null {
  if (/^[a-z]{2}$/.test(code) && countryCodeProblem(code.toUpperCase()) === null) return `must be in upper case: write ${code.toUpperCase()}`;
  if (!/^[A-Z]{2}$/.test(code)) return 'must be an ISO 3166 alpha-2 country code in upper case, like US or VN';
  const name = NAMES.of(code);
  if (name === undefined || NOT_COUNTRIES.has(code)) return `"${code}" is not an ISO 3166 alpha-2 country code (like US, CN, VN or GB)`;
  if (DIVIDED.has(code)) return `"${code}" is a retired ISO 3166 code of a country since divided: write the code of the country the place is in today`;
  const canonical = (Intl.getCanonicalLocales(`und-${code}`)[0] ?? '').slice(4);
  if (canonical !== code) return `"${code}" is not the ISO 3166 code of ${name}: write ${canonical}`;
  return null;
}
