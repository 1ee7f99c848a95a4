/**
 * @module audit/audit-summary
 * What people read of an audit entry: its subject (the row's name, in no language: `Hanoi`,
 * `Sub · 2020-01-01`, `2 · bills.csv`), the fields that tell what happened (column, values), and one English line
 * for the CLI (`site Hanoi: market VN → VN-N`). The web app words the line in its own languages
 * from the same parts. The entry itself (action, detail) stays the record; this only reads it.
 */
import type { AuditEntry } from './audit-store.js';

type Row = Readonly<Record<string, unknown>>;

/** Names of what rows refer to by id: the organisation's entities, and the accounts of its members (by e-mail). */
export interface AuditNames {
  entity(id: unknown): string;
  account(id: unknown): string;
}

/** The tables whose changes the log keeps (migrations/0009), as `action` names them. */
export const AUDITED_TABLES = ['organisations', 'entities', 'entity_periods', 'sites', 'business_units', 'column_mappings', 'import_batches',
  'calc_versions', 'memberships', 'org_metrics'] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];
export const AUDIT_OPS = ['insert', 'update', 'delete'] as const;

/** An entry's action (`sites.update`) as its table and operation, or null for one the log does not write. */
export function actionParts(action: string): { readonly table: AuditedTable; readonly op: (typeof AUDIT_OPS)[number] } | null {
  const [table, op] = action.split('.');
  const t = AUDITED_TABLES.find((x) => x === table);
  const o = AUDIT_OPS.find((x) => x === op);
  return t === undefined || o === undefined ? null : { table: t, op: o };
}

/** How a row of each audited table is named, and the English noun for it. */
const SUBJECTS: Readonly<Record<AuditedTable, { readonly noun: string; readonly name: (r: Row, names: AuditNames) => string }>> = {
  organisations: { noun: 'organisation', name: (r) => `${str(r.name)} (${str(r.slug)})` },
  entities: { noun: 'entity', name: (r) => str(r.name) },
  entity_periods: { noun: 'ownership period', name: (r, names) => `${names.entity(r.entity_id)} · ${str(r.valid_from)}` },
  sites: { noun: 'site', name: (r) => str(r.name) },
  business_units: { noun: 'business unit', name: (r) => str(r.name) },
  column_mappings: { noun: 'column mapping', name: (r) => str(r.name) },
  import_batches: { noun: 'import', name: (r) => `${str(r.batch_id)} · ${str(r.file_name)}` },
  calc_versions: { noun: 'calculation version', name: (r) => str(r.version_id) },
  memberships: { noun: 'membership', name: (r, names) => names.account(r.user_id) },
  org_metrics: { noun: 'metric', name: (r) => `${str(r.metric)} · ${str(r.period_start)}` },
};

/** Fields an added row is told by (the rest stays in the detail). */
const ADDED_FIELDS: Readonly<Partial<Record<AuditedTable, readonly string[]>>> = {
  organisations: ['consolidation', 'year_start_month', 'currency'],
  entities: ['country'],
  entity_periods: ['ownership_pct', 'financial_control', 'operational_control'],
  sites: ['country', 'grid_region', 'market', 'entity_id'],
  import_batches: ['kind', 'mapping', 'imported_by'],
  calc_versions: ['reason', 'gwp', 'consolidation'],
  memberships: ['role', 'business_units'],
  org_metrics: ['value', 'unit', 'period_end'],
};

const str = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * One thing an entry tells: a column of an added row and its value, or a changed column with its
 * values before and after. Values are as stored (`–` for none), an entity named rather than numbered.
 */
export type Fact =
  | { readonly field: string; readonly value: string }
  | { readonly field: string; readonly from: string; readonly to: string };

/** A fact in the CLI's English: `ownership_pct 100 → 60`, `entity Sub`. */
export function factText(f: Fact): string {
  const field = f.field === 'entity_id' ? 'entity' : f.field;
  return 'value' in f ? `${field} ${f.value}` : `${field} ${f.from} → ${f.to}`;
}

export interface EntryParts {
  /** The changed row's name. */
  readonly subject: string;
  /** The changed columns of an update, the telling columns of an insert; none for a delete. */
  readonly facts: readonly Fact[];
}

export function entryParts(e: AuditEntry, names: AuditNames): EntryParts {
  const a = actionParts(e.action);
  if (a === null) return { subject: '', facts: [] };
  const row = e.detail.row ?? {};
  const subject = SUBJECTS[a.table].name(row, names);
  const shown = (field: string, v: unknown): string => (field === 'entity_id' && v != null ? names.entity(v) : str(v));
  if (a.op === 'update') {
    return { subject, facts: Object.entries(e.detail.changed ?? {}).map(([field, c]) => ({ field, from: shown(field, c.from), to: shown(field, c.to) })) };
  }
  if (a.op === 'delete') return { subject, facts: [] };
  const facts = (ADDED_FIELDS[a.table] ?? []).filter((f) => f in row).map((field) => ({ field, value: shown(field, row[field]) }));
  return { subject, facts };
}

/** The English line: `added site Hanoi (country VN, …)`, `site Hanoi: market VN → VN-N`, `removed …`. */
export function summariseEntry(e: AuditEntry, parts: EntryParts): string {
  const a = actionParts(e.action);
  if (a === null) return e.action;
  const what = `${SUBJECTS[a.table].noun} ${parts.subject}`;
  const facts = parts.facts.map(factText);
  if (a.op === 'update') return `${what}: ${facts.join('; ')}`;
  if (a.op === 'delete') return `removed ${what}`;
  return `added ${what}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}
