/**
 * @module report/report-labels
 * The words of the exported inventory (CSV and XLSX) in the four languages of the product. The
 * figures and their units are the same in every language; only labels change.
 */
import { AppError } from '../app-error.js';
import type { ReportNotice } from './report-notices.js';
import { SCOPE3_CATEGORY_NAMES } from './scope3-categories.js';

export const REPORT_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'vi'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportLabels {
  readonly totals: string; readonly scope3Sheet: string; readonly entity: string; readonly site: string; readonly businessUnit: string; readonly month: string;
  readonly line: string; readonly thisYearT: (year: string) => string; readonly previousT: string; readonly changePct: string;
  readonly category: string; readonly method: string; readonly tonnes: string;
  /** A Scope 3 category as `1. Purchased goods and services`. */
  readonly categoryName: (c: number) => string;
  readonly scope1: string; readonly scope2Location: string; readonly scope2Market: string; readonly scope3: string;
  readonly scope12Location: string; readonly scope12Market: string;
  readonly totalLocation: string; readonly totalMarket: string; readonly biogenic: string;
  /** A gas group's row (its location-based CO2e); `unsplit`: CO2e of factors published only as CO2e. */
  readonly gas: (g: string) => string;
  /** A Scope 3 calculation method (core SCOPE3_METHODS). */
  readonly methodName: (m: string) => string;
  /** The sheet that says what the figures are: organisation, period, approach, GWP set, calculation version. */
  readonly about: string; readonly field: string; readonly value: string; readonly organisation: string; readonly reportingYear: string;
  readonly period: string; readonly consolidation: string; readonly approach: (a: string) => string; readonly gwpSet: string;
  readonly calcVersion: string; readonly calculatedAt: string; readonly libraryHash: string;
  /** The audit log's newest entry when the report was made (docs/audit-log.md). */
  readonly auditHead: string;
  /** Months of the year with records (previous year's in brackets); `unlike`: not the same months, so the changes compare unlike periods. */
  readonly coverage: (unlike: boolean) => string;
  /** What the reader must be told beside the figures (report-notices.ts), and the row it goes in. */
  readonly note: string;
  readonly notice: (n: ReportNotice) => string;
}

const categoryIn = (lang: ReportLanguage) => (c: number): string => {
  const name = SCOPE3_CATEGORY_NAMES[lang][c - 1];
  return name === undefined ? String(c) : `${c}. ${name}`;
};

/** The consolidation approaches, worded as the web app words them (web/src/i18n). */
const approachIn = (words: Readonly<Record<string, string>>) => (a: string): string => words[a] ?? a;
const EN_APPROACH = approachIn({ equity_share: 'equity share', financial_control: 'financial control', operational_control: 'operational control' });
const ZH_HANS_APPROACH = approachIn({ equity_share: '股权比例法', financial_control: '财务控制权法', operational_control: '运营控制权法' });
const ZH_HANT_APPROACH = approachIn({ equity_share: '股權比例法', financial_control: '財務控制權法', operational_control: '營運控制權法' });
const VI_APPROACH = approachIn({ equity_share: 'tỷ lệ vốn chủ sở hữu', financial_control: 'kiểm soát tài chính', operational_control: 'kiểm soát vận hành' });

/** A language's words for each notice, given the notice and the language's names of the approaches. */
type NoticeWords = { readonly [C in ReportNotice['code']]: (n: Extract<ReportNotice, { code: C }>, approach: (a: string) => string) => string };

const noticeIn = (approach: (a: string) => string, words: NoticeWords) => (n: ReportNotice): string =>
  (words[n.code] as (n: ReportNotice, approach: (a: string) => string) => string)(n, approach);

const EN: ReportLabels = {
  totals: 'Totals', scope3Sheet: 'Scope 3', entity: 'Entity', site: 'Site', businessUnit: 'Business unit', month: 'Month',
  line: 'Line', thisYearT: (y) => `${y} (t CO2e)`, previousT: 'Previous year (t CO2e)', changePct: 'Change (%)',
  category: 'Category', method: 'Method', tonnes: 't CO2e', categoryName: categoryIn('en'),
  scope1: 'Scope 1', scope2Location: 'Scope 2 (location-based)', scope2Market: 'Scope 2 (market-based)', scope3: 'Scope 3',
  scope12Location: 'Scope 1+2 (location-based)', scope12Market: 'Scope 1+2 (market-based)',
  totalLocation: 'Total (location-based)', totalMarket: 'Total (market-based)', biogenic: 'Biogenic CO2 (outside the scopes)',
  gas: (g) => (g === 'unsplit' ? 'Not split by gas (factors published as CO2e), location-based' : `Gas: ${g} (location-based CO2e)`),
  methodName: (m) => m,
  about: 'Report', field: 'Field', value: 'Value', organisation: 'Organisation', reportingYear: 'Reporting year', period: 'Period (end exclusive)',
  consolidation: 'Consolidation approach', approach: EN_APPROACH,
  gwpSet: 'GWP set (IPCC)', calcVersion: 'Calculation version', calculatedAt: 'Calculated at', libraryHash: 'Factor library fingerprint',
  auditHead: 'Audit log head (entry:sha256, for audit verify --head)',
  coverage: (unlike) => `Months with records (previous year)${unlike ? ': not the same months, the changes compare unlike periods' : ''}`,
  note: 'Note',
  notice: noticeIn(EN_APPROACH, {
    terms_unknown: (n, a) => `Calculation version ${n.version} was made before versions kept their ownership and control terms: today's are applied`
      + (n.made === n.today ? '.' : `; it was made under ${a(n.made)}, these figures apply today's ${a(n.today)}.`),
    terms_as_published: (n, a) => `These are the figures as published from calculation version ${n.version}, with its ownership, control and consolidation approach (${a(n.approach)}); today's terms differ.`,
    terms_today: (n) => `Ownership, control or the consolidation approach changed since calculation version ${n.version} was made: these figures apply today's terms, not those it was published with.`,
    entity_without_period: (n) => `Entity "${n.entity}" has no ownership/control period in force for part of ${n.year}: those rows are left out.`,
    version_without_results: (n) => `Calculation version ${n.version} has no results in ${n.year}: every figure of that year is 0.`,
  }),
};

const LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = {
  en: EN,
  'zh-Hans': {
    totals: '合计', scope3Sheet: '范围三', entity: '法律实体', site: '场所', businessUnit: '业务单元', month: '月份',
    line: '项目', thisYearT: (y) => `${y}（吨二氧化碳当量）`, previousT: '上一年（吨二氧化碳当量）', changePct: '变化（%）',
    category: '类别', method: '方法', tonnes: '吨二氧化碳当量', categoryName: categoryIn('zh-Hans'),
    scope1: '范围一', scope2Location: '范围二（基于位置）', scope2Market: '范围二（基于市场）', scope3: '范围三',
    scope12Location: '范围一和二（基于位置）', scope12Market: '范围一和二（基于市场）',
    totalLocation: '总计（基于位置）', totalMarket: '总计（基于市场）', biogenic: '生物源二氧化碳（范围之外）',
    gas: (g) => (g === 'unsplit' ? '未按气体拆分（因子以二氧化碳当量发布），基于位置' : `气体：${g}（基于位置的二氧化碳当量）`),
    methodName: (m) => ({ 'supplier-specific': '供应商特定数据法', hybrid: '混合法', 'average-data': '平均数据法', 'spend-based': '支出法',
      'distance-based': '距离法', 'fuel-based': '燃料法' })[m] ?? m,
    about: '报告', field: '字段', value: '值', organisation: '组织', reportingYear: '报告年度', period: '期间（不含结束日）',
    consolidation: '合并方法', approach: ZH_HANS_APPROACH,
    gwpSet: '全球变暖潜势（IPCC）', calcVersion: '计算版本', calculatedAt: '计算时间', libraryHash: '排放因子库指纹',
    auditHead: '审计日志链头（条目:sha256，供 audit verify --head 使用）',
    coverage: (unlike) => `有记录的月份数（上一年）${unlike ? '：月份不同，同比变化比较的是不同的期间' : ''}`,
    note: '说明',
    notice: noticeIn(ZH_HANS_APPROACH, {
      terms_unknown: (n, a) => `计算版本 ${n.version} 创建于版本保存持股与控制条件之前：此处采用当前条件`
        + (n.made === n.today ? '。' : `；该版本按${a(n.made)}创建，这些数字采用当前的${a(n.today)}。`),
      terms_as_published: (n, a) => `这些是计算版本 ${n.version} 发布时的数字，采用该版本的持股、控制条件和合并方法（${a(n.approach)}）；当前条件已不同。`,
      terms_today: (n) => `自计算版本 ${n.version} 创建以来，持股、控制条件或合并方法已变更：这些数字采用当前条件，而非该版本发布时的条件。`,
      entity_without_period: (n) => `法律实体“${n.entity}”在 ${n.year} 的部分期间没有有效的持股/控制期间：这些行未计入。`,
      version_without_results: (n) => `计算版本 ${n.version} 在 ${n.year} 没有结果：该年所有数字均为 0。`,
    }),
  },
  'zh-Hant': {
    totals: '合計', scope3Sheet: '範疇三', entity: '法人實體', site: '據點', businessUnit: '事業單位', month: '月份',
    line: '項目', thisYearT: (y) => `${y}（公噸二氧化碳當量）`, previousT: '上一年（公噸二氧化碳當量）', changePct: '變化（%）',
    category: '類別', method: '方法', tonnes: '公噸二氧化碳當量', categoryName: categoryIn('zh-Hant'),
    scope1: '範疇一', scope2Location: '範疇二（以地點為基礎）', scope2Market: '範疇二（以市場為基礎）', scope3: '範疇三',
    scope12Location: '範疇一和二（以地點為基礎）', scope12Market: '範疇一和二（以市場為基礎）',
    totalLocation: '總計（以地點為基礎）', totalMarket: '總計（以市場為基礎）', biogenic: '生質二氧化碳（範疇之外）',
    gas: (g) => (g === 'unsplit' ? '未依氣體拆分（係數以二氧化碳當量公告），以地點為基礎' : `氣體：${g}（以地點為基礎的二氧化碳當量）`),
    methodName: (m) => ({ 'supplier-specific': '供應商特定數據法', hybrid: '混合法', 'average-data': '平均數據法', 'spend-based': '支出法',
      'distance-based': '距離法', 'fuel-based': '燃料法' })[m] ?? m,
    about: '報告', field: '欄位', value: '值', organisation: '組織', reportingYear: '報告年度', period: '期間（不含結束日）',
    consolidation: '邊界設定方法', approach: ZH_HANT_APPROACH,
    gwpSet: '全球暖化潛勢（IPCC）', calcVersion: '計算版本', calculatedAt: '計算時間', libraryHash: '排放係數庫指紋',
    auditHead: '稽核日誌鏈頭（紀錄:sha256，供 audit verify --head 使用）',
    coverage: (unlike) => `有紀錄的月份數（前一年）${unlike ? '：月份不同，年增減比較的是不同的期間' : ''}`,
    note: '說明',
    notice: noticeIn(ZH_HANT_APPROACH, {
      terms_unknown: (n, a) => `計算版本 ${n.version} 建立於版本保存持股與控制條件之前：此處採用目前條件`
        + (n.made === n.today ? '。' : `；該版本依${a(n.made)}建立，這些數字採用目前的${a(n.today)}。`),
      terms_as_published: (n, a) => `這些是計算版本 ${n.version} 發布時的數字，採用該版本的持股、控制條件與邊界設定方法（${a(n.approach)}）；目前條件已不同。`,
      terms_today: (n) => `自計算版本 ${n.version} 建立以來，持股、控制條件或邊界設定方法已變更：這些數字採用目前條件，而非該版本發布時的條件。`,
      entity_without_period: (n) => `法人實體「${n.entity}」在 ${n.year} 的部分期間沒有有效的持股／控制期間：這些資料列未計入。`,
      version_without_results: (n) => `計算版本 ${n.version} 在 ${n.year} 沒有結果：該年所有數字皆為 0。`,
    }),
  },
  vi: {
    totals: 'Tổng', scope3Sheet: 'Phạm vi 3', entity: 'Pháp nhân', site: 'Cơ sở', businessUnit: 'Đơn vị kinh doanh', month: 'Tháng',
    line: 'Hạng mục', thisYearT: (y) => `${y} (t CO2e)`, previousT: 'Năm trước (t CO2e)', changePct: 'Thay đổi (%)',
    category: 'Hạng mục', method: 'Phương pháp', tonnes: 't CO2e', categoryName: categoryIn('vi'),
    scope1: 'Phạm vi 1', scope2Location: 'Phạm vi 2 (theo địa điểm)', scope2Market: 'Phạm vi 2 (theo thị trường)', scope3: 'Phạm vi 3',
    scope12Location: 'Phạm vi 1+2 (theo địa điểm)', scope12Market: 'Phạm vi 1+2 (theo thị trường)',
    totalLocation: 'Tổng (theo địa điểm)', totalMarket: 'Tổng (theo thị trường)', biogenic: 'CO2 sinh học (ngoài các phạm vi)',
    gas: (g) => (g === 'unsplit' ? 'Không tách theo khí (hệ số công bố dưới dạng CO2e), theo địa điểm' : `Khí: ${g} (CO2e theo địa điểm)`),
    methodName: (m) => ({ 'supplier-specific': 'dữ liệu riêng của nhà cung cấp', hybrid: 'kết hợp', 'average-data': 'dữ liệu trung bình',
      'spend-based': 'dựa trên chi tiêu', 'distance-based': 'dựa trên quãng đường', 'fuel-based': 'dựa trên nhiên liệu' })[m] ?? m,
    about: 'Báo cáo', field: 'Trường', value: 'Giá trị', organisation: 'Tổ chức', reportingYear: 'Năm báo cáo', period: 'Kỳ (không gồm ngày cuối)',
    consolidation: 'Phương pháp hợp nhất', approach: VI_APPROACH,
    gwpSet: 'Bộ GWP (IPCC)', calcVersion: 'Phiên bản tính toán', calculatedAt: 'Thời điểm tính', libraryHash: 'Dấu vân tay thư viện hệ số',
    auditHead: 'Đầu chuỗi nhật ký kiểm toán (mục:sha256, cho audit verify --head)',
    coverage: (unlike) => `Số tháng có bản ghi (năm trước)${unlike ? ': không cùng các tháng, các thay đổi so sánh những kỳ không tương đương' : ''}`,
    note: 'Lưu ý',
    notice: noticeIn(VI_APPROACH, {
      terms_unknown: (n, a) => `Phiên bản tính toán ${n.version} được tạo trước khi các phiên bản lưu điều kiện sở hữu và kiểm soát: áp dụng điều kiện hiện tại`
        + (n.made === n.today ? '.' : `; phiên bản được tạo theo phương pháp ${a(n.made)}, các số liệu này áp dụng phương pháp ${a(n.today)} hiện tại.`),
      terms_as_published: (n, a) => `Đây là số liệu đã công bố từ phiên bản tính toán ${n.version}, với điều kiện sở hữu, kiểm soát và phương pháp hợp nhất của phiên bản đó (${a(n.approach)}); điều kiện hiện tại đã khác.`,
      terms_today: (n) => `Điều kiện sở hữu, kiểm soát hoặc phương pháp hợp nhất đã thay đổi kể từ khi tạo phiên bản tính toán ${n.version}: các số liệu này áp dụng điều kiện hiện tại, không phải điều kiện khi công bố phiên bản.`,
      entity_without_period: (n) => `Pháp nhân "${n.entity}" không có kỳ sở hữu/kiểm soát hiệu lực trong một phần của ${n.year}: các dòng đó bị loại ra.`,
      version_without_results: (n) => `Phiên bản tính toán ${n.version} không có kết quả trong ${n.year}: mọi số liệu của năm đó là 0.`,
    }),
  },
};

/** Labels for a language tag (none: English); an unknown tag is refused. */
export function reportLabels(lang: string | undefined): ReportLabels {
  if (lang === undefined) return EN;
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
    throw AppError.invalidField('lang', `"${lang}" is not offered: use one of ${REPORT_LANGUAGES.join(', ')}`);
  }
  return LABELS[lang as ReportLanguage];
}
