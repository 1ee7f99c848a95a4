/**
 * @module report/scope3-categories
 * The GHG Protocol's 15 Scope 3 categories by name, in the product's four languages: the one list
 * the exported inventory and the web app's catalogues (web/src/i18n, `category.N`) both name them from.
 */
import type { ReportLanguage } from './report-labels.js';

export const SCOPE3_CATEGORY_NAMES: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: [
    'Purchased goods and services',
    'Capital goods',
    'Fuel- and energy-related activities',
    'Upstream transportation and distribution',
    'Waste generated in operations',
    'Business travel',
    'Employee commuting',
    'Upstream leased assets',
    'Downstream transportation and distribution',
    'Processing of sold products',
    'Use of sold products',
    'End-of-life treatment of sold products',
    'Downstream leased assets',
    'Franchises',
    'Investments',
  ],
  'zh-Hans': [
    '外购商品和服务',
    '资本货物',
    '燃料和能源相关活动',
    '上游运输和配送',
    '运营中产生的废弃物',
    '商务差旅',
    '员工通勤',
    '上游租赁资产',
    '下游运输和配送',
    '售出产品的加工',
    '售出产品的使用',
    '售出产品的报废处理',
    '下游租赁资产',
    '特许经营',
    '投资',
  ],
  'zh-Hant': [
    '購買的商品與服務',
    '資本財',
    '燃料與能源相關活動',
    '上游運輸與配送',
    '營運產生的廢棄物',
    '商務差旅',
    '員工通勤',
    '上游租賃資產',
    '下游運輸與配送',
    '售出產品的加工',
    '售出產品的使用',
    '售出產品的報廢處理',
    '下游租賃資產',
    '特許經營',
    '投資',
  ],
  vi: [
    'Hàng hóa và dịch vụ mua vào',
    'Tư liệu sản xuất',
    'Hoạt động liên quan đến nhiên liệu và năng lượng',
    'Vận chuyển và phân phối thượng nguồn',
    'Chất thải phát sinh trong hoạt động',
    'Đi công tác',
    'Nhân viên đi lại',
    'Tài sản thuê thượng nguồn',
    'Vận chuyển và phân phối hạ nguồn',
    'Chế biến sản phẩm đã bán',
    'Sử dụng sản phẩm đã bán',
    'Xử lý cuối vòng đời sản phẩm đã bán',
    'Tài sản cho thuê hạ nguồn',
    'Nhượng quyền',
    'Đầu tư',
  ],
};

type CategoryNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;

/** The names as a catalogue's `category.1` … `category.15` entries. */
export function categoryCatalogue(lang: ReportLanguage): Readonly<Record<`category.${CategoryNumber}`, string>> {
  return Object.fromEntries(SCOPE3_CATEGORY_NAMES[lang].map((name, i) => [`category.${i + 1}`, name])) as Record<`category.${CategoryNumber}`, string>;
}
