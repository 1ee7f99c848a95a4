/**
 * @module import/cells
 * Reading typed values out of mapped cells, one field at a time, collecting every problem of a row
 * (not just the first) so that a user fixes a file in one pass. Nothing is guessed: a blank is
 * absent, never zero; a number has no thousands separators; a date is ISO (or a real XLSX date).
 */
import { isIsoDate } from '../org/org-input.js';
import { isBlank, type Cell } from './canonical-fields.js';
import { problem, problemText, type Problem, type ProblemCode, type ProblemParams } from './problems.js';

export interface FieldError {
  /** The canonical field (docs/import.md). */
  readonly field: string;
  readonly message: string;
  /** What the message says, as a code and its values (src/app/import/problems.ts), when it is one of the known problems. */
  readonly code?: ProblemCode;
  readonly params?: ProblemParams;
  /** The file's own column the field was read from, when its name is not the field's. */
  readonly column?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `2024-03-15` when it is a real calendar date, else null. */
export function isoDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  return isIsoDate(text) ? text : null;
}

/** The day after an ISO date (for end-exclusive periods). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function parseNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || !NUMBER.test(cell.trim())) return null;
  return Number(cell.trim());
}

export const cellText = (cell: Cell): string =>
  cell instanceof Date ? (isoDate(cell) ?? '') : cell === null ? '' : String(cell).trim();

const periods = new Map<string, { start: string; end: string } | null>();

/** `2021-08` (a month) or `2021-08-15` (a day) as an end-exclusive period; memoised, as a file repeats its periods. */
function periodOf(text: string): { start: string; end: string } | null {
  let period = periods.get(text);
  if (period !== undefined) return period;
  period = null;
  const month = MONTH.exec(text);
  if (month !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const start = `${text}-01`;
    const next = new Date(`${start}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    period = { start, end: next.toISOString().slice(0, 10) };
  } else {
    const day = isoDate(text);
    if (day !== null) period = { start: day, end: nextDay(day) };
  }
  if (periods.size >= 10_000) periods.clear();
  periods.set(text, period);
  return period;
}

/** Typed access to one mapped row; problems accumulate in `errors`. */
export class RowReader {
  readonly errors: FieldError[] = [];

  constructor(private readonly values: Readonly<Record<string, Cell>>) {}

  /** A problem of a field, worded from its code (src/app/import/problems.ts). */
  fail(field: string, code: ProblemCode, params?: ProblemParams): void {
    this.report(field, problem(code, params));
  }

  report(field: string, p: Problem): void {
    this.errors.push(fieldError(field, p));
  }

  /** A problem only known as text (the calculation engine's or a rule's own message). */
  failText(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return !isBlank(this.values[field]);
  }

  /** The field's cell, or null when blank (noted as missing when required). */
  private present(field: string, required: boolean): Cell | null {
    const cell = this.values[field] ?? null;
    if (!isBlank(cell)) return cell;
    if (required) this.fail(field, 'missing');
    return null;
  }

  text(field: string, required = false): string | null {
    const cell = this.present(field, required);
    if (cell === null) return null;
    return cellText(cell);
  }

  number(field: string, required = false): number | null {
    const cell = this.present(field, required);
    if (cell === null) return null;
    const n = parseNumber(cell);
    if (n === null) this.fail(field, 'notNumber', { value: JSON.stringify(cellText(cell)) });
    return n;
  }

  integer(field: string, min: number, max: number, required = false): number | null {
    const n = this.number(field, required);
    if (n === null) return null;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.fail(field, 'notWholeNumber', { value: n, min, max });
      return null;
    }
    return n;
  }

  date(field: string, required = false): string | null {
    const cell = this.present(field, required);
    if (cell === null) return null;
    const d = isoDate(cell);
    if (d === null) this.fail(field, 'notDate', { value: JSON.stringify(cellText(cell)) });
    return d;
  }

  boolean(field: string): boolean | null {
    const cell = this.values[field] ?? null;
    if (isBlank(cell)) return null;
    if (typeof cell === 'boolean') return cell;
    const t = cellText(cell).toLowerCase();
    if (['true', 'yes', '1'].includes(t)) return true;
    if (['false', 'no', '0'].includes(t)) return false;
    this.fail(field, 'notBoolean', { value: JSON.stringify(t) });
    return null;
  }

  /**
   * The period of a row, end exclusive: `period` (`2021-08` a month, `2021-08-15` a day) or
   * `period_start` + `period_end`, never both.
   */
  period(): { start: string; end: string } | null {
    if (this.has('period')) {
      if (this.has('period_start') || this.has('period_end')) {
        this.fail('period', 'periodTwice');
        return null;
      }
      return this.periodText(cellText(this.values.period ?? null));
    }
    const start = this.date('period_start', true);
    const end = this.date('period_end', true);
    if (start === null || end === null) return null;
    if (end <= start) {
      this.fail('period_end', 'periodEndNotAfter', { end, start });
      return null;
    }
    return { start, end };
  }

  private periodText(text: string): { start: string; end: string } | null {
    const period = periodOf(text);
    if (period !== null) return period;
    this.fail('period', 'notPeriod', { value: JSON.stringify(text) });
    return null;
  }
}

/** A field's error from a known problem: its English text, with the code and values beside it. */
export function fieldError(field: string, p: Problem): FieldError {
  return { field, message: problemText(p), code: p.code, params: p.params };
}
