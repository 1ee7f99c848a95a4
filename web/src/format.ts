/** Numbers, dates and emissions formatted for the active language with Intl. */
import { currentLanguage } from './i18n/index.js';

const locale = (): string => currentLanguage();

/** kg → tonnes CO2e as a number string: 2 decimals under 100 t, 1 under 10 000 t, none above. */
export function tonnes(kg: number): string {
  const t = kg / 1000;
  const abs = Math.abs(t);
  const digits = abs === 0 ? 0 : abs < 100 ? 2 : abs < 10000 ? 1 : 0;
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(t);
}

/** A signed change in tonnes (+1.2 / −3.4). */
export function tonnesSigned(kg: number): string {
  const s = tonnes(Math.abs(kg));
  return kg > 0 ? `+${s}` : kg < 0 ? `−${s}` : s;
}

export function number(n: number, maxDigits = 2): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: maxDigits }).format(n);
}

/** Up to 10 significant digits, however small: a factor as the engine's explanation gives it (0.0001234567, 53.1145). */
export function significant(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumSignificantDigits: 10 }).format(n);
}

/**
 * A share in per cent (`pct` = 87 for 87%), up to `maxDigits` decimals, in the language's own
 * percent notation (87% in English, 87\u00a0% in French…). No sign for a positive share.
 */
export function percent(pct: number, maxDigits = 1): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: maxDigits }).format(pct / 100).replace(/-/g, '\u2212');
}

/**
 * A change in per cent with its sign, written with a true minus sign (U+2212) in every language —
 * Intl writes a hyphen-minus for some locales and not for others. Always one decimal (+23.0%,
 * −17.4%), so that changes side by side read alike.
 */
export function signedPercent(pct: number): string {
  const s = new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct / 100);
  return s.replace(/-/g, '\u2212');
}

/** An ISO date (YYYY-MM-DD) or timestamp as a local date. */
export function date(iso: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined }).format(d);
}

export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "YYYY-MM" as a short month and year. */
export function month(ym: string): string {
  const d = new Date(`${ym}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return ym;
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Month number 1–12 as its name. */
export function monthName(m: number): string {
  return new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
}

/** A record's period: one month as "Jul 2021", otherwise "start – end" (end exclusive, as stored). */
export function period(start: string, end: string): string {
  const m = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    if (end === next) return month(start.slice(0, 7));
  }
  return `${date(start)} – ${date(end)}`;
}
