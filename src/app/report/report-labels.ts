/**
 * @module report/report-labels
 * The words of the exported inventory (CSV and XLSX) in the four languages of the product. The
 * figures and their units are the same in every language; only labels change.
 */
import { AppError } from '../app-error.js';

export const REPORT_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'vi'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportLabels {
  readonly totals: string; readonly scope3Sheet: string; readonly entity: string; readonly site: string; readonly businessUnit: string; readonly month: string;
  readonly line: string; readonly thisYearT: (year: string) => string; readonly previousT: string; readonly changePct: string;
  readonly category: string; readonly method: string; readonly tonnes: string;
  readonly scope1: string; readonly scope2Location: string; readonly scope2Market: string; readonly scope3: string;
  readonly totalLocation: string; readonly totalMarket: string; readonly biogenic: string; readonly gas: (g: string) => string;
}

const EN: ReportLabels = {
  totals: 'Totals', scope3Sheet: 'Scope 3', entity: 'Entity', site: 'Site', businessUnit: 'Business unit', month: 'Month',
  line: 'Line', thisYearT: (y) => `${y} (t CO2e)`, previousT: 'Previous year (t CO2e)', changePct: 'Change (%)',
  category: 'Category', method: 'Method', tonnes: 't CO2e',
  scope1: 'Scope 1', scope2Location: 'Scope 2 (location-based)', scope2Market: 'Scope 2 (market-based)', scope3: 'Scope 3',
  totalLocation: 'Total (location-based)', totalMarket: 'Total (market-based)', biogenic: 'Biogenic CO2 (outside the scopes)', gas: (g) => `Gas: ${g}`,
};

const LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = {
  en: EN,
  'zh-Hans': {
    totals: '合计', scope3Sheet: '范围三', entity: '法人实体', site: '场所', businessUnit: '业务单元', month: '月份',
    line: '项目', thisYearT: (y) => `${y}（吨二氧化碳当量）`, previousT: '上一年（吨二氧化碳当量）', changePct: '变化（%）',
    category: '类别', method: '方法', tonnes: '吨二氧化碳当量',
    scope1: '范围一', scope2Location: '范围二（基于位置）', scope2Market: '范围二（基于市场）', scope3: '范围三',
    totalLocation: '总计（基于位置）', totalMarket: '总计（基于市场）', biogenic: '生物源二氧化碳（范围之外）', gas: (g) => `气体：${g}`,
  },
  'zh-Hant': {
    totals: '合計', scope3Sheet: '範疇三', entity: '法人實體', site: '場所', businessUnit: '業務單位', month: '月份',
    line: '項目', thisYearT: (y) => `${y}（公噸二氧化碳當量）`, previousT: '上一年（公噸二氧化碳當量）', changePct: '變化（%）',
    category: '類別', method: '方法', tonnes: '公噸二氧化碳當量',
    scope1: '範疇一', scope2Location: '範疇二（以位置為基礎）', scope2Market: '範疇二（以市場為基礎）', scope3: '範疇三',
    totalLocation: '總計（以位置為基礎）', totalMarket: '總計（以市場為基礎）', biogenic: '生質二氧化碳（範疇之外）', gas: (g) => `氣體：${g}`,
  },
  vi: {
    totals: 'Tổng', scope3Sheet: 'Phạm vi 3', entity: 'Pháp nhân', site: 'Cơ sở', businessUnit: 'Đơn vị kinh doanh', month: 'Tháng',
    line: 'Hạng mục', thisYearT: (y) => `${y} (t CO2e)`, previousT: 'Năm trước (t CO2e)', changePct: 'Thay đổi (%)',
    category: 'Danh mục', method: 'Phương pháp', tonnes: 't CO2e',
    scope1: 'Phạm vi 1', scope2Location: 'Phạm vi 2 (theo vị trí)', scope2Market: 'Phạm vi 2 (theo thị trường)', scope3: 'Phạm vi 3',
    totalLocation: 'Tổng (theo vị trí)', totalMarket: 'Tổng (theo thị trường)', biogenic: 'CO2 sinh học (ngoài các phạm vi)', gas: (g) => `Khí: ${g}`,
  },
};

/** Labels for a language tag (none: English); an unknown tag is refused. */
export function reportLabels(lang: string | undefined): ReportLabels {
  if (lang === undefined) return EN;
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
    throw new AppError('invalid_input', `lang "${lang}": use one of ${REPORT_LANGUAGES.join(', ')}`);
  }
  return LABELS[lang as ReportLanguage];
}
