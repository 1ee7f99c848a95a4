/**
 * @module audit/audit-summary
 * One line per audit entry for people: what changed, in the model's words (`site Hanoi: market
 * VN → VN-N`). The entry itself (action, detail) stays the record; this only reads it.
 */
import type { AuditEntry } from './audit-store.js';

type Row = Readonly<Record<string, unknown>>;

/** Names of what rows refer to by id (the organisation's entities), for the summary. */
export interface AuditNames {
  entity(id: unknown): string;
}

/** What each audited table holds, and how one of its rows is named. */
const SUBJECTS: Readonly<Record<string, { readonly noun: string; readonly name: (r: Row, names: AuditNames) => string }>> = {
  organisations: { noun: 'organisation', name: (r) => `${str(r.name)} (${str(r.slug)})` },
  entities: { noun: 'entity', name: (r) => str(r.name) },
  entity_periods: { noun: 'ownership period', name: (r, names) => `of entity ${names.entity(r.entity_id)} from ${str(r.valid_from)}` },
  sites: { noun: 'site', name: (r) => str(r.name) },
  business_units: { noun: 'business unit', name: (r) => str(r.name) },
  column_mappings: { noun: 'column mapping', name: (r) => str(r.name) },
  import_batches: { noun: 'import', name: (r) => `${str(r.batch_id)} of ${str(r.file_name)}` },
  calc_versions: { noun: 'calculation version', name: (r) => str(r.version_id) },
  memberships: { noun: 'membership', name: (r) => `of user ${str(r.user_id)}` },
  org_metrics: { noun: 'metric', name: (r) => `${str(r.metric)} from ${str(r.period_start)}` },
};

/** Fields an added row is summarised by (the rest stays in the detail). */
const ADDED_FIELDS: Readonly<Record<string, readonly string[]>> = {
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

export function summariseEntry(e: AuditEntry, names: AuditNames): string {
  const [table = '', op = ''] = e.action.split('.');
  const subject = SUBJECTS[table];
  const row = e.detail.row ?? {};
  if (subject === undefined) return e.action;
  const what = `${subject.noun} ${subject.name(row, names)}`;
  if (op === 'update') {
    const changes = Object.entries(e.detail.changed ?? {}).map(([k, c]) => `${k} ${str(c.from)} → ${str(c.to)}`);
    return `${what}: ${changes.join('; ')}`;
  }
  if (op === 'delete') return `removed ${what}`;
  const fields = (ADDED_FIELDS[table] ?? []).filter((f) => f in row)
    .map((f) => (f === 'entity_id' ? `entity ${names.entity(row[f])}` : `${f} ${str(row[f])}`));
  return `added ${what}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}
