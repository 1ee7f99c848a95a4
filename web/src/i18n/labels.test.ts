import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en.js';
import { recordCheckSchema, type RecordCheck } from '../../../src/app/ledger/record-checks.js';
import { reportLabels } from '../../../src/app/report/report-labels.js';
import { vi } from './vi.js';
import { zhHant } from './zh-Hant.js';
import { zhHans } from './zh-Hans.js';
import { auditFieldLabel, auditValueLabel, checkMessage, exclusionLabel, versionReasonLabel } from './labels.js';

describe('audit labels', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'vi', resources: { en: { translation: en }, vi: { translation: vi } }, interpolation: { escapeValue: false } }));

  it('words a column and its fixed values, and lists a member\'s business units as names', () => {
    const t = i18n.t.bind(i18n);
    expect(auditFieldLabel(t, 'operational_control')).toBe('Kiểm soát vận hành');
    expect(auditValueLabel(t, 'operational_control', 'true')).toBe('Có');
    expect(auditValueLabel(t, 'consolidation', 'equity_share')).toBe('Tỷ lệ vốn chủ sở hữu');
    expect(auditValueLabel(t, 'business_units', '["Logistics","Corporate"]')).toBe('Logistics, Corporate');
    // A column without a label keeps its name; a value that is not a list of names stays as stored.
    expect(auditFieldLabel(t, 'sites_hash')).toBe('sites_hash');
    expect(auditValueLabel(t, 'business_units', '–')).toBe('–');
  });

  it('words why a version was made from its cause, and keeps a free reason as written', () => {
    const t = i18n.t.bind(i18n);
    expect([
      versionReasonLabel(t, { reason: 'import of bills.csv (batch 3)', cause: { kind: 'import', file: 'bills.csv', batch: 3 } }),
      versionReasonLabel(t, { reason: 'AR6 restatement (by ana@example.com)', cause: { kind: 'request', note: 'AR6 restatement', by: 'ana@example.com' } }),
      versionReasonLabel(t, { reason: 'recalculate command', cause: { kind: 'command' } }),
      versionReasonLabel(t, { reason: 'demo load', cause: { kind: 'demo' } }),
      versionReasonLabel(t, { reason: 'trình bày lại', cause: null }),
    ]).toEqual(['nhập bills.csv (lô 3)', 'AR6 restatement (do ana@example.com yêu cầu)', 'lệnh recalculate', 'tải dữ liệu minh họa', 'trình bày lại']);
  });
});

describe('record checks', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'zh-Hant', resources: { 'zh-Hant': { translation: zhHant } }, interpolation: { escapeValue: false } }));

  it('words every check a trace can carry, a report notice in the words of the exports', () => {
    const t = i18n.t.bind(i18n);
    const notice = reportLabels('zh-Hant').notice;
    const checks: RecordCheck[] = [
      { code: 'recomputed_equal', kg: 120 },
      { code: 'recomputed_differs', kg: 120, stored_kg: 118, version: 4 },
      { code: 'library_changed' },
      { code: 'cannot_recompute', detail: 'unknown factor id "x"' },
      { code: 'not_calculated' },
      { code: 'not_in_version', version: 2 },
      { code: 'report_terms', notice: { code: 'terms_today', version: 3 } },
    ];
    expect(checks.map((c) => checkMessage(t, c, notice))).toEqual([
      '以目前的排放係數庫重新計算：120 kg CO₂e，與儲存的結果相同',
      '以目前的排放係數庫重新計算：120 kg CO₂e，而儲存的是 118 kg：係數庫自版本 4 以來已變更',
      '排放係數庫與此版本所用的不同',
      '無法以目前的排放係數庫重新計算：unknown factor id "x"',
      '尚未計算',
      '不在版本 2 中：於其後匯入',
      notice({ code: 'terms_today', version: 3 }),
    ]);
    expect(new Set(checks.map((c) => c.code)).size).toBe(recordCheckSchema.options.length);
  });
});

describe('instrument exclusions', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'zh-Hans', resources: { 'zh-Hans': { translation: zhHans } }, interpolation: { escapeValue: false } }));

  it('words each Scope 2 quality criterion from its values, and a version stored before them by its English reason', () => {
    const t = i18n.t.bind(i18n);
    expect([
      exclusionLabel(t, { criterion: 'retired', reason: 'R is not retired or cancelled in a tracking system' }),
      exclusionLabel(t, { criterion: 'unique_claim', claim: 'serial', value: 'S-1', by: 'A', reason: 'B repeats serial S-1, already claimed by A' }),
      exclusionLabel(t, { criterion: 'market', market: 'DE', reason: 'no electricity consumption in market DE' }),
      exclusionLabel(t, { criterion: 'vintage', market: 'US', vintage: 2021, reason: 'no electricity consumption in US in vintage year 2021' }),
      exclusionLabel(t, { criterion: 'supplier', supplier: 'PECO', market: 'US', vintage: 2024, reason: 'no consumption from supplier PECO left to cover in US 2024' }),
      exclusionLabel(t, { criterion: 'vintage', reason: 'no electricity consumption in US in vintage year 2021' }),
    ]).toEqual([
      '注销：未在追踪系统中注销或核销',
      '唯一声明：其序列号 S-1 已由 A 声明',
      '市场边界：市场 DE 没有电力消耗',
      '年份：US 在其年份 2021 没有电力消耗',
      '供应商：US 2024 年没有来自供应商 PECO 的剩余消耗可覆盖',
      '年份：no electricity consumption in US in vintage year 2021（英文：此版本计算时尚未保存其他语言的原因）',
    ]);
  });
});
