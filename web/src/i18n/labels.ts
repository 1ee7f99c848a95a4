/** Translated names of fixed vocabularies (scopes, Scope 3 categories, roles…), each key written out. */
import type { TFunction } from 'i18next';
import type { ProblemCode } from '../../../src/app/import/problems.js';
import type { RecordCheck } from '../../../src/app/ledger/record-checks.js';
import type { RecordFormula } from '../../../src/app/ledger/record-formula.js';
import type { VersionCause } from '../../../src/app/ledger/version-cause.js';
import type { InstrumentExclusionJson } from '../../../src/api/schemas.js';
import type { Scope2Carrier } from '../../../src/core/index.js';
import { number } from '../format.js';
import type { ReportNotice } from '../../../src/app/report/report-notices.js';

export function consolidationLabel(t: TFunction, c: string): string {
  switch (c) {
    case 'equity_share': return t('consolidation.equity_share');
    case 'financial_control': return t('consolidation.financial_control');
    case 'operational_control': return t('consolidation.operational_control');
    default: return c;
  }
}

export function roleLabel(t: TFunction, r: string): string {
  switch (r) {
    case 'admin': return t('role.admin');
    case 'approver': return t('role.approver');
    case 'data_owner': return t('role.data_owner');
    case 'contributor': return t('role.contributor');
    case 'auditor': return t('role.auditor');
    default: return r;
  }
}

export function tokenScopeLabel(t: TFunction, s: string): string {
  switch (s) {
    case 'read': return t('tokens.scope.read');
    case 'import': return t('tokens.scope.import');
    case 'calculate': return t('tokens.scope.calculate');
    default: return s;
  }
}

export function scopeLabel(t: TFunction, scope: number): string {
  switch (scope) {
    case 1: return t('scope.1');
    case 2: return t('scope.2');
    case 3: return t('scope.3');
    default: return String(scope);
  }
}

const CATEGORY_KEYS = [
  'category.1', 'category.2', 'category.3', 'category.4', 'category.5', 'category.6', 'category.7', 'category.8',
  'category.9', 'category.10', 'category.11', 'category.12', 'category.13', 'category.14', 'category.15',
] as const;

/** A Scope 3 calculation method (core SCOPE3_METHODS) in the active language; an unknown one as it is. */
export function methodLabel(t: TFunction, method: string): string {
  switch (method) {
    case 'supplier-specific': return t('method.supplier-specific');
    case 'hybrid': return t('method.hybrid');
    case 'average-data': return t('method.average-data');
    case 'spend-based': return t('method.spend-based');
    case 'distance-based': return t('method.distance-based');
    case 'fuel-based': return t('method.fuel-based');
    default: return method;
  }
}

/** "3.6 Business travel" style: the number and the GHG Protocol name of a Scope 3 category. */
export function categoryLabel(t: TFunction, category: number | string): string {
  const n = Number(category);
  const key = CATEGORY_KEYS[n - 1];
  return key === undefined ? String(category) : t('category.label', { n, name: t(key) });
}

export function importStatusLabel(t: TFunction, s: string): string {
  switch (s) {
    case 'imported': return t('import.status.imported');
    case 'duplicate': return t('import.status.duplicate');
    case 'rejected': return t('import.status.rejected');
    case 'valid': return t('import.status.valid');
    default: return s;
  }
}

export function importKindLabel(t: TFunction, k: string): string {
  switch (k) {
    case 'activities': return t('import.kind.activities');
    case 'instruments': return t('import.kind.instruments');
    case 'metrics': return t('import.kind.metrics');
    default: return k;
  }
}

/** Fields of "the record as imported" (`input` of a record's trace) that have a label in the catalogues. */
const INPUT_FIELDS = new Set(['file', 'source_file', 'content_hash', 'batch_id', 'row_number', 'row', 'source_id', 'imported_at',
  'imported_by', 'mapping', 'site', 'entity', 'business_unit', 'period_start', 'period_end', 'scope', 'category', 'method', 'quantity',
  'unit', 'factor', 'activity', 'region_used', 'market', 'carrier', 'supplier']);

/** The label of a field of "the record as imported"; an unknown key as it is. */
export function inputFieldLabel(t: TFunction, key: string): string {
  return INPUT_FIELDS.has(key) ? t(`record.field.${key}`) : key;
}

/** An intensity figure's name (`per_revenue`, `per_employee`); an unknown one as it is. */
export function intensityLabel(t: TFunction, key: string): string {
  return key === 'per_revenue' ? t('dashboard.perRevenue') : key === 'per_employee' ? t('dashboard.perEmployee') : key;
}

/**
 * The unit of an intensity figure, in the active language, from the metric it divides by (the
 * API's `unit` is English): per million of the revenue's currency, or per the employees' unit.
 */
export function intensityUnit(t: TFunction, key: string, metrics: Readonly<Record<string, { readonly unit: string }>>, fallback: string): string {
  if (key === 'per_revenue' && metrics.revenue !== undefined) return t('intensity.perMillion', { currency: metrics.revenue.unit });
  if (key === 'per_employee' && metrics.employees !== undefined) return t('intensity.perUnit', { unit: metrics.employees.unit });
  return fallback;
}

/** An organisation metric's name (`revenue`, `employees`); another one as it is. */
export function metricLabel(t: TFunction, metric: string): string {
  const name = metric === 'revenue' ? t('metric.revenue') : metric === 'employees' ? t('metric.employees') : metric;
  return t('dashboard.metric', { metric: name });
}

/** A breakdown row's name: records without a business unit are summed under "(none)". */
export function breakdownName(t: TFunction, name: string): string {
  return name === '(none)' ? t('dashboard.noBusinessUnit') : name;
}

/**
 * What is wrong with a field of an imported row, in the reader's language: the problem's own text
 * when the server named it by code (src/app/import/problems.ts), else the server's message as sent.
 */
export function problemMessage(t: TFunction, e: { readonly code?: ProblemCode | undefined; readonly params?: Readonly<Record<string, string | number>> | undefined; readonly message: string }): string {
  return e.code === undefined ? e.message : t(`problem.${e.code}`, { ...e.params, defaultValue: e.message });
}

/** A column an audit entry tells of, by its label; a column without one keeps its own name. */
export function auditFieldLabel(t: TFunction, field: string): string {
  return t(`audit.field.${field}`, { defaultValue: field });
}

/** A value an audit entry tells of, in words where the column holds a fixed vocabulary. */
export function auditValueLabel(t: TFunction, field: string, value: string): string {
  switch (field) {
    case 'consolidation': return consolidationLabel(t, value);
    case 'role': return roleLabel(t, value);
    case 'financial_control':
    case 'operational_control': return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    case 'kind': return importKindLabel(t, value);
    case 'business_units': return listOf(value);
    default: return value;
  }
}

/** A JSON list of names (as the audit log stores a member's business units) as `A, B`; other text as it is. */
function listOf(value: string): string {
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) && list.every((x) => typeof x === 'string') ? list.join(', ') : value;
  } catch {
    return value;
  }
}

/** A step of the market-based hierarchy a part of a Scope 2 figure came from. */
export function marketStepLabel(t: TFunction, step: string): string {
  switch (step) {
    case 'certificate': return t('record.step.certificate');
    case 'ppa': return t('record.step.ppa');
    case 'supplier_rate': return t('record.step.supplier_rate');
    case 'residual_mix': return t('record.step.residual_mix');
    case 'grid_average': return t('record.step.grid_average');
    default: return step;
  }
}

/** A step factor selection took away from what the record asked (core SelectionFallback). */
export function selectionStepLabel(t: TFunction, step: RecordFormula['selection'][number]): string {
  switch (step.kind) {
    case 'region': return t('record.formula.fallback.region', { activity: step.activity, region: step.region, used: step.used });
    case 'latest': return t('record.formula.fallback.latest', { region: step.region, used: step.used });
    case 'notAfter': return t('record.formula.fallback.notAfter', { region: step.region, year: step.year, used: step.used });
    case 'earliest': return t('record.formula.fallback.earliest', { region: step.region, year: step.year, used: step.used });
  }
}

/** Why a Scope 2 record's market-based figure is its location-based one (core MarketNote). */
export function marketNoteLabel(t: TFunction, note: NonNullable<NonNullable<RecordFormula['market']>['note']>): string {
  switch (note.kind) {
    case 'notElectricity': return t('record.formula.marketNote.notElectricity', { carrier: carrierLabel(t, note.carrier) });
    case 'noMarket': return t('record.formula.marketNote.noMarket');
    case 'noPeriod': return t('record.formula.marketNote.noPeriod');
  }
}

/** The Scope 2 quality criterion an instrument failed, and why, from its values; a version made before they were kept gives its English reason. */
export function exclusionLabel(t: TFunction, e: InstrumentExclusionJson): string {
  return t('report.exclusion.line', { criterion: t(`report.exclusion.criterion.${e.criterion}`), reason: exclusionReason(t, e) });
}

/** Each criterion from its values; one stored without them (reason only) in its English words. */
function exclusionReason(t: TFunction, e: InstrumentExclusionJson): string {
  const asStored = (): string => t('report.exclusion.asStored', { reason: e.reason });
  switch (e.criterion) {
    case 'retired': return t('report.exclusion.retired');
    case 'unique_claim': return 'by' in e ? t(`report.exclusion.uniqueClaim.${e.claim}`, { value: e.value, by: e.by }) : asStored();
    case 'market': return 'market' in e ? t('report.exclusion.market', { market: e.market }) : asStored();
    case 'vintage': return 'vintage' in e ? t('report.exclusion.vintage', { market: e.market, vintage: e.vintage }) : asStored();
    case 'supplier': return 'supplier' in e ? t('report.exclusion.supplier', { supplier: e.supplier, market: e.market, vintage: e.vintage }) : asStored();
  }
}

/** Why a version was made: its cause worded, or its reason as written (a free reason has no cause). */
export function versionReasonLabel(t: TFunction, v: { readonly reason: string; readonly cause: VersionCause | null }): string {
  switch (v.cause?.kind) {
    case undefined: return v.reason;
    case 'import': return t('record.cause.import', { file: v.cause.file, batch: v.cause.batch });
    case 'request': return t('record.cause.request', { note: v.cause.note, by: v.cause.by });
    case 'command': return t('record.cause.command');
    case 'demo': return t('record.cause.demo');
  }
}

function carrierLabel(t: TFunction, carrier: Scope2Carrier): string {
  switch (carrier) {
    case 'electricity': return t('carrier.electricity');
    case 'steam': return t('carrier.steam');
    case 'heat': return t('carrier.heat');
    case 'cooling': return t('carrier.cooling');
  }
}

/**
 * What tracing a record found (src/app/ledger/record-checks.ts), in the reader's language; a
 * report notice in the words of the exports (`notice`). The engine's own reason stays English.
 */
export function checkMessage(t: TFunction, c: RecordCheck, notice: (n: ReportNotice) => string): string {
  switch (c.code) {
    case 'recomputed_equal': return t('record.check.recomputed_equal', { kg: number(c.kg, 3) });
    case 'recomputed_differs': return t('record.check.recomputed_differs', { kg: number(c.kg, 3), stored: number(c.stored_kg, 3), version: c.version });
    case 'library_changed': return t('record.check.library_changed');
    case 'cannot_recompute': return t('record.check.cannot_recompute', { detail: c.detail });
    case 'not_calculated': return t('record.check.not_calculated');
    case 'not_in_version': return t('record.check.not_in_version', { version: c.version });
    case 'report_terms': return notice(c.notice);
  }
}
