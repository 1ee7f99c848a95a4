import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en.js';
import { vi } from './vi.js';
import { auditFieldLabel, auditValueLabel } from './labels.js';

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
});
