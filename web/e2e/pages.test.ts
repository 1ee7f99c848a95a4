/**
 * Every main page with the demo organisations loaded, in Chromium: no serious or critical axe
 * violation, in English and in the three other languages, and a screenshot of each for
 * docs/screenshots/ (shown in the README).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoAccount, DEMO_LOGIN } from '../../src/app/demo/demo-account.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { createAcme, fixture, pathSource } from '../../src/app/import/fixtures/test-org.js';
import { findMapping } from '../../src/app/import/find-mapping.js';
import { importAndRecalculate } from '../../src/app/import/import-and-recalculate.js';
import { DEMO_ROOT } from '../../src/cli/commands/demo.js';
import { SqlAccountStore } from '../../src/db/sql-account-store.js';
import { SqlOrgStore } from '../../src/db/sql-org-store.js';
import { sqlLedger } from '../../src/db/sql-stores.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { TEST_HASHER } from '../../src/test-support/test-server.js';
import { openHarness, screenshot, seriousViolations, type Harness } from './harness.js';

const ORG = '/orgs/jasons-team';
const PAGES: readonly { name: string; path: string; ready: (p: Page) => Promise<unknown> }[] = [
  { name: 'dashboard', path: `${ORG}/dashboard?year=FY2022`, ready: (p) => p.getByTestId('total-scope1').waitFor() },
  { name: 'import', path: `${ORG}/import`, ready: (p) => p.getByTestId('import-step-1').waitFor() },
  { name: 'records', path: `${ORG}/records?year=FY2022&scope=3`, ready: (p) => p.getByTestId('records-table').locator('tbody tr').first().waitFor() },
  { name: 'record', path: `${ORG}/records/1`, ready: (p) => p.getByTestId('record-co2e').waitFor() },
  { name: 'report', path: `${ORG}/report?year=FY2022`, ready: (p) => p.getByTestId('report-scope1').waitFor() },
  { name: 'organisation', path: `${ORG}/organisation`, ready: (p) => p.getByRole('form').first().waitFor() },
  { name: 'audit', path: `${ORG}/audit`, ready: (p) => p.getByTestId('audit-intact').waitFor() },
  { name: 'factors', path: '/factors', ready: (p) => p.locator('main').waitFor() },
  { name: 'settings', path: '/settings', ready: (p) => p.locator('main').waitFor() },
];

describe('main pages with the demo data', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await openHarness();
    const db = h.database.db;
    await loadDemo(sqlLedger(db), DEMO_ROOT, loadLibrary(), () => undefined);
    await ensureDemoAccount(new SqlAccountStore(db), new SqlOrgStore(db), TEST_HASHER, ['jasons-team', 'mekong-devices']);
    page = await (await h.browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.goto(`${h.base}/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO_LOGIN.email);
    await page.getByLabel('Password').fill(DEMO_LOGIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/orgs**');
  }, 120_000);
  afterAll(() => h.close());

  it.each(['en', 'zh-Hans', 'zh-Hant', 'vi'])('in %s: every page passes axe (no serious or critical violation)', async (lang) => {
    const found: Record<string, string[]> = {};
    for (const p of PAGES) {
      await page.goto(`${h.base}${p.path}`);
      await page.getByTestId('language-select').selectOption(lang);
      await p.ready(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      found[p.name] = await seriousViolations(page);
      if (lang === 'en') await screenshot(page, p.name);
    }
    expect(found).toEqual(Object.fromEntries(PAGES.map((p) => [p.name, []])));
  });

  it('works from the keyboard: skip link first, then the navigation, and a figure drills down with Enter', async () => {
    await page.getByTestId('language-select').selectOption('en');
    await page.goto(`${h.base}${ORG}/dashboard?year=FY2022`);
    await page.getByTestId('total-scope1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From main, Tab reaches the year select and then the first figure link; Enter follows it.
    let guard = 0;
    while (guard++ < 20 && !(await page.evaluate(() => document.activeElement?.closest('[data-testid="total-scope1"]') !== null))) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/records**scope=1**');
    await page.getByTestId('records-table').locator('tbody tr').first().waitFor();
  });

  it('shows the demo\'s published progress on the dashboard: Scope 3 +23 % while revenue grew 20 %', async () => {
    await page.getByTestId('language-select').selectOption('en');
    await page.goto(`${h.base}${ORG}/dashboard?year=FY2022`);
    await page.getByTestId('total-scope1').waitFor();
    expect(await page.getByTestId('total-scope3').textContent()).toContain('+23.0% vs previous year');
    expect(await page.getByTestId('total-scope2-market').textContent()).toContain('\u221217.4% vs previous year');
    // The headline companies publish: Scope 1+2 market-based −17 % (the demo's calibration).
    expect(Number(await page.getByTestId('headline-change').getAttribute('data-pct'))).toBeCloseTo(-17, 0);
    // The report page and its exports carry the same headline line.
    await page.goto(`${h.base}${ORG}/report?year=FY2022`);
    const scope12 = page.getByTestId('report-scope12-market');
    await scope12.waitFor();
    expect([await scope12.getAttribute('data-kg'), await scope12.locator('td').nth(2).textContent()]).toEqual(['15999717.003', '\u221217.0%']);
  });

  it('shows what the reports count of a record of an entity owned 30 %, under equity share', async () => {
    await page.getByTestId('language-select').selectOption('en');
    await page.goto(`${h.base}/orgs/mekong-devices/records?year=2024&scope=2&site=Cork+Studio`);
    await page.getByRole('link', { name: /Open record/ }).first().click();
    await page.getByTestId('record-reported').waitFor();
    const whole = Number(await page.getByTestId('record-co2e').getAttribute('data-kg'));
    expect(whole).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('record-reported').getAttribute('data-kg'))).toBeCloseTo(0.3 * whole, 2);
    expect(await page.getByTestId('record-reported').textContent()).toContain("30% of the record: its entity's share under Equity share in the record's month");
    // The same trace in Vietnamese: the calculation's labels, the market-based steps and the checks in its words.
    await page.getByTestId('language-select').selectOption('vi');
    await expect.poll(() => page.getByTestId('record-checks').textContent()).toMatch(/^Tính lại với thư viện hệ số hiện tại: [\d.,]+ kg CO₂e, đúng bằng kết quả đã lưu$/);
    expect(await page.getByTestId('record-formula').textContent()).toMatch(/Phát thải.*Theo thị trường/);
    await page.getByTestId('language-select').selectOption('en');
  });

  it('says how a record\'s factor was chosen in the reader\'s language', async () => {
    // Da Nang Factory's 2024 electricity: Viet Nam's grid factor is published to 2023 (DCC/MONRE), so 2023's is taken.
    await page.goto(`${h.base}/orgs/mekong-devices/records?year=2024&scope=2&site=Da+Nang+Factory`);
    await page.getByRole('link', { name: /Open record/ }).first().click();
    const steps = page.getByTestId('selection-steps');
    await steps.waitFor();
    expect(await steps.textContent()).toBe('no 2024 value for VN: used 2023, the latest year before it');
    await page.getByTestId('language-select').selectOption('vi');
    await expect.poll(() => steps.textContent()).toBe('không có giá trị năm 2024 cho VN: dùng năm 2023, năm gần nhất trước đó');
    await page.getByTestId('language-select').selectOption('zh-Hans');
    await expect.poll(() => steps.textContent()).toBe('VN 没有 2024 年的数值：采用此前最近的年份 2023');
    await page.getByTestId('language-select').selectOption('en');
  });

  it('says in the reader\'s language why an instrument covered nothing and why a version was made', async () => {
    // Acme's 2024 electricity is in the US market: a German certificate finds no consumption to cover,
    // an unretired one fails the retirement criterion, a retired US one covers part of Philadelphia's.
    const db = h.database.db;
    const org = await createAcme(db, 'acme-instruments');
    const ledger = sqlLedger(db);
    const dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-e2e-'));
    try {
      const instruments = join(dir, 'instruments.csv');
      await writeFile(instruments, ['id,kind,market,quantity,unit,co2e,co2e_unit,vintage,supplier,serial,retired',
        'REC-US,certificate,US,10,MWh,0,kg/MWh,2024,,S-1,true', 'REC-DE,certificate,DE,10,MWh,0,kg/MWh,2024,,S-2,true',
        'REC-UNRETIRED,certificate,US,10,MWh,0,kg/MWh,2024,,S-3,false'].join('\n') + '\n');
      const mapping = await findMapping(ledger.stores.imports, org.orgId, 'canonical');
      for (const [source, kind] of [[fixture('activities-canonical.csv'), undefined], [pathSource(instruments), 'instruments' as const]] as const) {
        const { result } = await importAndRecalculate(ledger, loadLibrary(), { org, source, kind, mapping, quarantine: false, importedBy: 'e2e' });
        expect(result.status).toBe('imported');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await ensureDemoAccount(new SqlAccountStore(db), new SqlOrgStore(db), TEST_HASHER, ['acme-instruments']);
    await page.goto(`${h.base}/orgs/acme-instruments/report?year=2024`);
    const table = page.getByTestId('report-instruments');
    const why = (id: string) => table.locator('tr', { has: page.getByRole('rowheader', { name: id, exact: true }) }).locator('td').last().textContent();
    await table.waitFor();
    expect([await why('REC-US'), await why('REC-DE'), await why('REC-UNRETIRED')])
      .toEqual(['', 'Market boundary: no electricity consumption in market DE', 'Retirement: not retired or cancelled in a tracking system']);
    await page.getByTestId('language-select').selectOption('vi');
    await expect.poll(() => why('REC-DE')).toBe('Ranh giới thị trường: không có tiêu thụ điện tại thị trường DE');
    await page.getByTestId('language-select').selectOption('zh-Hant');
    await expect.poll(() => why('REC-UNRETIRED')).toBe('註銷：未在追蹤系統中註銷或核銷');
    // A record's version says why it was made in the reader's language: the instruments' import recalculated all.
    await page.getByTestId('language-select').selectOption('en');
    await page.goto(`${h.base}/orgs/acme-instruments/records?year=2024`);
    await page.getByRole('link', { name: /Open record/ }).first().click();
    const reason = page.getByTestId('version-reason');
    await expect.poll(() => reason.textContent()).toBe('import of instruments.csv (batch 2)');
    await page.getByTestId('language-select').selectOption('zh-Hant');
    await expect.poll(() => reason.textContent()).toBe('匯入 instruments.csv（批次 2）');
    await page.getByTestId('language-select').selectOption('vi');
    await expect.poll(() => reason.textContent()).toBe('nhập instruments.csv (lô 2)');
    await page.getByTestId('language-select').selectOption('en');
  });

  it('says what kind of refusal an error is, in the chosen language, with the server\'s words naming what', async () => {
    await page.goto(`${h.base}${ORG}/organisation`);
    await page.getByTestId('language-select').selectOption('zh-Hant');
    const form = page.locator('form', { has: page.locator('#member-form-h') });
    await form.locator('input[type="email"]').fill('nobody@example.com');
    await form.getByRole('button').last().click();
    const alert = form.getByRole('alert');
    await alert.getByTestId('error-detail').waitFor();
    expect(await alert.locator('p').first().textContent()).toBe('找不到，或您無權檢視。');
    expect(await alert.getByTestId('error-detail').textContent()).toBe('email: no account for nobody@example.com; they sign up first (web app or API), then you add them');
    await page.getByTestId('language-select').selectOption('en');
  });

  it('words the problems of an imported row in the chosen language', async () => {
    const csv = [
      'source_id,site,period_start,period_end,scope,quantity,unit,activity',
      'X-1,Atlantis Office,2022-08-01,2022-09-01,1,"1,250",kwh,fuel.natural-gas',
    ].join('\n') + '\n';
    await page.goto(`${h.base}${ORG}/import`);
    await page.getByTestId('language-select').selectOption('en');
    await page.getByLabel('CSV, XLSX or JSON file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Validate (dry run)' }).click();
    const errors = page.getByTestId('row-errors');
    await expect.poll(() => errors.locator('tbody tr').count()).toBe(3);
    await page.getByTestId('language-select').selectOption('vi');
    const message = (field: string) => errors.locator('tbody tr', { hasText: field }).locator('td').nth(3).textContent();
    expect(await message('site')).toMatch(/^không có cơ sở “Atlantis Office” trong jasons-team \(đã có: .*Seattle HQ/);
    expect(await message('quantity')).toBe('"1,250" không phải là số (chỉ viết chữ số như 1234.5, không có dấu phân cách hàng nghìn hay đơn vị)');
    expect(await message('unit')).toMatch(/^đơn vị “kwh” không xác định/);
    await page.getByTestId('language-select').selectOption('en');
    expect(await message('quantity')).toBe('"1,250" is not a number (write plain digits like 1234.5, no thousands separators or units)');
  });

  it('fits a phone\'s width: wide tables scroll inside their box, the page does not', async () => {
    await page.setViewportSize({ width: 390, height: 860 });
    try {
      for (const p of PAGES) {
        await page.goto(`${h.base}${p.path}`);
        await p.ready(page);
        expect([p.name, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([p.name, 390]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('says in the factor browser when a region has no factor of its own', async () => {
    await page.goto(`${h.base}/factors?q=electricity&region=ZZ`);
    await page.getByTestId('language-select').selectOption('en');
    expect(await page.getByTestId('region-fallback').textContent())
      .toBe('The library has no factor for region ZZ itself (check the code): listed are those of the regions it falls back to, WORLD.');
  });

  it('words intensity units and metric names in the chosen language', async () => {
    await page.goto(`${h.base}${ORG}/dashboard?year=FY2022`);
    await page.getByTestId('language-select').selectOption('zh-Hans');
    const perRevenue = page.getByTestId('intensity-per_revenue');
    await perRevenue.waitFor();
    // 22,526.573 t CO2e (market-based) over USD 120 million of FY2022 revenue.
    expect(await perRevenue.locator('dd').textContent()).toBe('187.721 吨 CO₂e / 百万USD');
    expect(await page.getByText('指标：收入').count()).toBe(1);
    await page.getByTestId('language-select').selectOption('en');
  });

  it('flags a site whose electricity has no grid factor of its own, in the chosen language', async () => {
    await page.goto(`${h.base}${ORG}/organisation`);
    await page.getByTestId('language-select').selectOption('vi');
    const row = (name: string) => page.locator('#org-sites ~ .table-wrap tbody tr', { hasText: name }).locator('td').nth(5);
    expect(await row('Seattle HQ').textContent()).toBe('US-NWPP');
    // Ireland is covered only by national grid intensities (Ember), not by a grid factor.
    expect(await row('Dublin Data Centre').textContent()).toBe('không có cho IE: các dòng điện cần hoạt động electricity.grid-intensity hoặc mã hệ số');
    await page.getByTestId('language-select').selectOption('en');
  });

  it('shows the audit log newest first with its chain checked, in the chosen language', async () => {
    await page.goto(`${h.base}${ORG}/audit`);
    await page.getByTestId('language-select').selectOption('en');
    // 29 from the demo's load, then the demo login's membership.
    expect(await page.getByTestId('audit-intact').textContent()).toBe('Intact: all 30 entries match their hashes and follow each other.');
    expect(await page.getByTestId('audit-head').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    expect(await rows.first().locator('td').nth(3).textContent()).toBe('Added membership demo@carbon-ledger.test');
    const version = rows.filter({ hasText: 'Changed calculation version 1' });
    expect(await version.locator('td').nth(0).textContent()).toBe('29');
    expect(await version.locator('td').nth(4).textContent()).toBe('Records 0 → 456');
    // One page of 50 holds it all, down to the organisation's creation.
    expect(await page.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);
    await page.getByTestId('language-select').selectOption('vi');
    expect(await page.getByTestId('audit-table').locator('tbody tr').last().locator('td').nth(3).textContent()).toBe('Thêm tổ chức Jason\'s Team (jasons-team)');
    const created = page.getByTestId('audit-table').locator('tbody tr').last().locator('td').nth(4).locator('li');
    expect(await created.allTextContents()).toEqual(['Phương pháp hợp nhất Kiểm soát vận hành', 'Tháng bắt đầu năm tài chính 7', 'Tiền tệ USD']);
  });

  it('pages the records by keyset, forward and back, and starts again at page 1 under new filters', async () => {
    await page.goto(`${h.base}${ORG}/records?year=FY2022`);
    await page.getByTestId('language-select').selectOption('en');
    const firstId = () => page.getByTestId('records-table').locator('tbody tr').first().locator('td').first().textContent();
    await page.getByTestId('records-table').locator('tbody tr').first().waitFor();
    const onFirst = await firstId();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="records-table"] tbody tr td')?.textContent !== id, onFirst);
    expect(Number(await firstId())).toBeGreaterThan(Number(onFirst));
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('Page 1').waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="records-table"] tbody tr td')?.textContent === id, onFirst);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await page.getByLabel('Scope').selectOption('1');
    await page.getByText('Page 1').waitFor();
  });

  it('says when a report applies terms other than its version\'s, and shows the figures as published from it', async () => {
    const orgs = new SqlOrgStore(h.database.db);
    const mekong = await orgs.findOrg('mekong-devices');
    if (mekong === null) throw new Error('no demo organisation mekong-devices');
    await orgs.updateOrg(mekong.orgId, { consolidation: 'operational_control' });
    try {
      await page.goto(`${h.base}/orgs/mekong-devices/report?year=2024`);
      await page.getByTestId('language-select').selectOption('zh-Hant');
      const notice = page.getByTestId('report-notices').locator('li');
      await notice.waitFor();
      expect(await notice.getAttribute('data-code')).toBe('terms_today');
      const today = Number(await page.getByTestId('report-scope1').getAttribute('data-kg'));
      await notice.getByRole('link').click();
      await page.waitForURL(/version=\d+/);
      await expect.poll(() => page.getByTestId('report-notices').locator('li').getAttribute('data-code')).toBe('terms_as_published');
      expect(await page.getByTestId('report-notices').locator('li').textContent()).toMatch(/^這些是計算版本 \d+ 發布時的數字，採用該版本的持股、控制條件與邊界設定方法（股權比例法）/);
      // Equity share counts the 60 % subsidiary at 60 %, operational control (it controls it) at 100 %: less as published.
      const published = Number(await page.getByTestId('report-scope1').getAttribute('data-kg'));
      expect(published).toBeLessThan(today);
      expect(await page.getByTestId('export-csv').getAttribute('href')).toMatch(/calc_version=\d+/);
      // The figures of a named version are not linked to the records page, which shows the latest version's.
      expect(await page.getByTestId('report-scope1').locator('a').count()).toBe(0);
      await page.getByTestId('pinned-version').getByRole('link').click();
      await page.waitForURL((url) => !url.search.includes('version='));
      await expect.poll(() => page.getByTestId('report-scope1').getAttribute('data-kg')).toBe(String(today));
    } finally {
      await orgs.updateOrg(mekong.orgId, { consolidation: 'equity_share' });
      await page.getByTestId('language-select').selectOption('en');
    }
  });
});
