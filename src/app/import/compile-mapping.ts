/**
 * @module import/compile-mapping
 * Turns a mapping into a function from source rows to canonical values. A field takes the first of:
 * an override whose `when` column is filled, a lookup, a template, a source column, a constant —
 * then `scale` and `period_end_inclusive` apply. Plans are cached per header row, so a row costs a
 * few map look-ups.
 */
import { AppError } from '../app-error.js';
import { CANONICAL_FIELDS, headerKey, isBlank, type Cell, type ImportKind, type SourceRow } from './canonical-fields.js';
import { cellText, fieldError, isoDate, nextDay, parseNumber, type FieldError } from './cells.js';
import { problem, type Problem } from './problems.js';
import type { Mapping, NamedMapping } from './mapping-schema.js';
import { compileTemplate, type Template } from './template.js';

export interface MappedRow {
  readonly values: Record<string, Cell>;
  readonly errors: FieldError[];
}

export interface Mapper {
  readonly name: string;
  /** Problems with a header row that make every row unreadable (fatal even with --quarantine). */
  headerErrors(headers: readonly string[]): Problem[];
  map(row: SourceRow): MappedRow;
  /** Why a field is missing, when the mapping reads it from a column this file lacks; null otherwise. */
  missingColumn(headers: readonly string[], field: string): Problem | null;
  /** The column (as the file writes it) a field is read from under these headers, or null. */
  column(headers: readonly string[], field: string): string | null;
}

interface Plan {
  /** field → header key of the column it is read from */
  readonly columnOf: Map<string, string>;
  readonly errors: Problem[];
  /** The direct fields in field order, each with its column under these headers (if any) and its constant. */
  readonly direct: readonly DirectField[];
}

interface DirectField {
  readonly field: string;
  readonly column: string | undefined;
  readonly constant: Cell | undefined;
}

export function compileMapping({ name, mapping }: NamedMapping, kind: ImportKind): Mapper {
  if (mapping.kind !== undefined && mapping.kind !== kind) {
    throw new AppError('invalid_input', `mapping "${name}" is for ${mapping.kind}, not ${kind} (use --kind ${mapping.kind})`);
  }
  const fields = new Set(CANONICAL_FIELDS[kind]);
  const target = (where: string, field: string): string => {
    if (!fields.has(field)) {
      throw new AppError('invalid_input', `mapping "${name}": ${where} names "${field}", which is not a field of ${kind} (${[...fields].join(', ')})`);
    }
    return field;
  };
  const columns = new Map(Object.entries(mapping.columns).map(([src, f]) => [headerKey(src), target(`column "${src}"`, f)]));
  for (const f of Object.keys(mapping.constants)) target('constants', f);
  for (const f of Object.keys(mapping.scale)) target('scale', f);
  const tpl = (where: string, text: string): Template => compileTemplate(text, `mapping "${name}", ${where}`);
  const templates = new Map(Object.entries(mapping.templates).map(([f, t]) => [target('templates', f), tpl(`template for ${f}`, t)]));
  const lookups = new Map(Object.entries(mapping.lookups).map(([f, l]) => [target('lookups', f), {
    column: headerKey(l.column),
    name: l.column,
    values: new Map(Object.entries(l.values).map(([k, v]) => [k.trim().toLowerCase(), v])),
    otherwise: l.otherwise === undefined ? undefined : tpl(`lookup for ${f}`, l.otherwise),
  }]));
  const overrides = mapping.overrides.map((o, i) => ({
    when: headerKey(o.when),
    set: new Map(Object.entries(o.set).map(([f, t]) => [target(`overrides[${i}]`, f), tpl(`overrides[${i}].${f}`, t)])),
  }));
  const referenced = new Set<string>([
    ...[...templates.values()].flatMap((t) => t.columns),
    ...[...lookups.values()].flatMap((l) => [l.column, ...(l.otherwise?.columns ?? [])]),
    ...overrides.flatMap((o) => [o.when, ...[...o.set.values()].flatMap((t) => t.columns)]),
  ]);

  /** Fields read from a column or a constant only: no override, lookup, template, scale or end-date shift. */
  const direct = new Set([...fields].filter((f) => !overrides.some((o) => o.set.has(f)) && !lookups.has(f) && !templates.has(f)
    && mapping.scale[f] === undefined && !(f === 'period_end' && mapping.period_end_inclusive)));
  const general = [...fields].filter((f) => !direct.has(f));

  const plans = new Map<string, Plan>();
  let lastHeaders: readonly string[] | null = null;
  let lastPlan: Plan | null = null;
  const planFor = (headers: readonly string[]): Plan => {
    if (headers === lastHeaders && lastPlan !== null) return lastPlan;
    const key = headers.join('\u0000');
    let plan = plans.get(key);
    if (plan === undefined) {
      if (plans.size > 256) plans.clear(); // JSON rows with ever-changing keys must not grow memory
      plan = makePlan(name, mapping, headers, columns, fields, referenced, direct);
      plans.set(key, plan);
    }
    lastHeaders = headers;
    lastPlan = plan;
    return plan;
  };

  return {
    name,
    headerErrors: (headers) => planFor(headers).errors,
    missingColumn: (headers, field) => {
      const plan = planFor(headers);
      const src = Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
      if (src === undefined || plan.columnOf.has(field)) return null;
      return problem('missingColumn', { mapping: name, column: src });
    },
    column: (headers, field) => {
      const key = planFor(headers).columnOf.get(field);
      return key === undefined ? null : (headers.find((h) => headerKey(h) === key) ?? null);
    },
    map: (row) => {
      const plan = planFor(row.headers);
      const values: Record<string, Cell> = {};
      const errors: FieldError[] = [];
      const cells = row.cells;
      // Fields read from a column or a constant only: the common case, without the general machinery.
      for (const { field, column, constant } of plan.direct) {
        const cell = column === undefined ? undefined : cells[column];
        const value = cell !== undefined && !isBlank(cell) ? cell : constant;
        if (value !== undefined && !isBlank(value)) values[field] = value;
      }
      if (general.length === 0) return { values, errors };
      const run = (field: string, t: Template): Cell => {
        const out = t.render(cells);
        if (typeof out === 'string') return out;
        errors.push(fieldError(field, problem('templateColumnBlank', { mapping: name, column: out.blank })));
        return null;
      };
      for (const field of general) {
        let value: Cell | undefined;
        const override = overrides.find((o) => o.set.has(field) && !isBlank(cells[o.when]));
        if (override !== undefined) value = run(field, override.set.get(field) as Template);
        else value = fromSources(field, row, run, errors, lookups.get(field), templates.get(field), plan.columnOf.get(field), mapping, name);
        if (isBlank(value ?? null)) continue;
        values[field] = adjust(field, value as Cell, mapping);
      }
      return { values, errors };
    },
  };
}

function fromSources(
  field: string, row: SourceRow, run: (field: string, t: Template) => Cell, errors: FieldError[],
  lookup: { column: string; name: string; values: Map<string, string>; otherwise: Template | undefined } | undefined,
  template: Template | undefined, column: string | undefined, mapping: Mapping, name: string,
): Cell | undefined {
  if (lookup !== undefined && !isBlank(row.cells[lookup.column])) {
    const raw = cellText(row.cells[lookup.column] ?? null);
    const hit = lookup.values.get(raw.toLowerCase());
    if (hit !== undefined) return hit;
    if (lookup.otherwise !== undefined) return run(field, lookup.otherwise);
    errors.push(fieldError(field, problem('unknownLookupValue', { mapping: name, value: JSON.stringify(raw), column: lookup.name, known: [...lookup.values.keys()].join(', ') })));
    return null;
  }
  if (template !== undefined) return run(field, template);
  if (column !== undefined && !isBlank(row.cells[column])) return row.cells[column];
  return mapping.constants[field];
}

/** `scale` multiplies a numeric value; an inclusive end date becomes the exclusive one. */
function adjust(field: string, value: Cell, mapping: Mapping): Cell {
  const factor = mapping.scale[field];
  if (factor !== undefined) {
    const n = parseNumber(value);
    return n === null ? value : n * factor; // a non-number is left for validation to name
  }
  if (field === 'period_end' && mapping.period_end_inclusive) {
    const d = isoDate(value);
    return d === null ? value : nextDay(d);
  }
  return value;
}

function makePlan(
  name: string, mapping: Mapping, headers: readonly string[], columns: Map<string, string>,
  fields: Set<string>, referenced: Set<string>, direct: ReadonlySet<string>,
): Plan {
  const errors: Problem[] = [];
  const columnOf = new Map<string, string>();
  const seen = new Set<string>();
  const unused: string[] = [];
  const headerOf = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key === '') continue;
    if (seen.has(key)) {
      errors.push(problem('columnTwice', { column: header }));
      continue;
    }
    seen.add(key);
    const field = columns.get(key) ?? (fields.has(key) ? key : undefined);
    if (field === undefined) {
      if (!referenced.has(key)) unused.push(header);
      continue;
    }
    const other = headerOf.get(field);
    if (other !== undefined) errors.push(problem('columnsSameField', { first: other, second: header, field }));
    columnOf.set(field, key);
    headerOf.set(field, header);
  }
  if (mapping.extra_columns === 'error' && unused.length > 0) {
    errors.push(problem('unknownColumns', { mapping: name, columns: unused.map((u) => `"${u}"`).join(', '), fields: [...fields].join(', ') }));
  }
  if (columnOf.size === 0 && ![...seen].some((k) => referenced.has(k))) {
    errors.push(problem('noKnownColumns', { mapping: name, columns: headers.join(', ') }));
  }
  const directFields = [...direct].map((field) => ({ field, column: columnOf.get(field), constant: mapping.constants[field] }));
  return { columnOf, errors, direct: directFields };
}
