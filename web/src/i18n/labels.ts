/** Translated names of fixed vocabularies (scopes, Scope 3 categories, roles…), each key written out. */
import type { TFunction } from 'i18next';

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

/** The label of a field of "the record as imported" (`input` of a record's trace); an unknown key as it is. */
export function inputFieldLabel(t: TFunction, key: string): string {
  switch (key) {
    case 'file': return t('record.field.file');
    case 'source_file': return t('record.field.source_file');
    case 'content_hash': return t('record.field.content_hash');
    case 'batch_id': return t('record.field.batch_id');
    case 'row_number': return t('record.field.row_number');
    case 'row': return t('record.field.row');
    case 'source_id': return t('record.field.source_id');
    case 'imported_at': return t('record.field.imported_at');
    case 'imported_by': return t('record.field.imported_by');
    case 'site': return t('record.field.site');
    case 'entity': return t('record.field.entity');
    case 'business_unit': return t('record.field.business_unit');
    case 'period_start': return t('record.field.period_start');
    case 'period_end': return t('record.field.period_end');
    case 'scope': return t('record.field.scope');
    case 'category': return t('record.field.category');
    case 'method': return t('record.field.method');
    case 'quantity': return t('record.field.quantity');
    case 'unit': return t('record.field.unit');
    case 'factor': return t('record.field.factor');
    case 'activity': return t('record.field.activity');
    case 'region_used': return t('record.field.region_used');
    case 'market': return t('record.field.market');
    case 'carrier': return t('record.field.carrier');
    case 'supplier': return t('record.field.supplier');
    default: return key;
  }
}
