/**
 * A new user's first hour, in Chromium: sign up → create an organisation and its entity, site and
 * business unit → import a CSV with a bad row → see the row error → fix the cell → import → the
 * dashboard's totals equal `carbon-ledger report inventory --json` on the same database → switch to
 * 简体中文 → export the inventory as XLSX and read it back. Every page visited passes axe with no
 * serious or critical violation.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInventory, openHarness, seriousViolations, type Harness } from './harness.js';

const HEADER = 'source_id,site,business_unit,period_start,period_end,scope,quantity,unit,activity,carrier';
const CSV = [
  HEADER,
  'GAS-1,Philadelphia Plant,Manufacturing,2024-01-01,2024-02-01,1,100,mmBtu,fuel.natural-gas,',
  'ELEC-1,Philadelphia Plant,Manufacturing,2024-01-01,2024-02-01,2,10000,kwh,electricity.grid,electricity',
].join('\n') + '\n';

const CARDS = {
  'total-scope1': 'scope1_kg',
  'total-scope2-location': 'scope2_location_kg',
  'total-scope2-market': 'scope2_market_kg',
  'total-scope3': 'scope3_kg',
  'total-market': 'total_market_kg',
  'total-location': 'total_location_kg',
} as const;

describe('the web app in Chromium', () => {
  let h: Harness;
  let page: Page;
  const a11y: Record<string, string[]> = {};
  const check = async (name: string): Promise<void> => {
    a11y[name] = await seriousViolations(page);
  };

  beforeAll(async () => {
    h = await openHarness();
    page = await (await h.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(() => h.close());

  it('signs up and creates an organisation with an entity, a site and a business unit', async () => {
    await page.goto(`${h.base}/sign-up`);
    await check('sign-up');
    await page.getByLabel('Name', { exact: true }).fill('Nguyen Thi Lan');
    await page.getByLabel('E-mail address').fill('lan@example.com');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/orgs');

    const create = page.getByTestId('create-org-form');
    await create.getByLabel('Short name (slug)').fill('e2e-co');
    await create.getByLabel('Organisation name').fill('E2E Company');
    await create.getByLabel('Consolidation approach').selectOption('operational_control');
    await check('organisations');
    await create.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL('**/orgs/e2e-co/organisation');

    const entity = page.getByRole('form', { name: 'Add an entity or set its ownership from a date' });
    await entity.getByLabel('Legal entity').fill('E2E Inc.');
    await entity.getByLabel('Country').fill('US');
    await entity.getByLabel('From').fill('2020-01-01');
    await entity.getByLabel('Ownership (%)').fill('100');
    await entity.getByLabel('Operational control').check();
    await entity.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'E2E Inc.' }).count()).toBeGreaterThan(0);

    const site = page.getByRole('form', { name: 'Add or update a site' });
    await site.getByLabel('Site name').fill('Philadelphia Plant');
    await site.getByLabel('Legal entity').selectOption('E2E Inc.');
    await site.getByLabel('Country').fill('US');
    await site.getByLabel('Grid region').fill('US-RFCE');
    await site.getByLabel('Market').fill('US');
    await site.getByRole('button', { name: 'Save site' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Philadelphia Plant' }).count()).toBeGreaterThan(0);

    const unit = page.getByRole('form', { name: 'Add a business unit' });
    await unit.getByLabel('Business unit name').fill('Manufacturing');
    await unit.getByRole('button', { name: 'Add business unit' }).click();
    await expect.poll(() => page.getByText('Manufacturing', { exact: true }).count()).toBeGreaterThan(0);
    await check('organisation');
  });

  it('shows the bad row of a CSV, takes the fix in place, and imports', async () => {
    await page.getByRole('link', { name: 'Import data' }).click();
    await page.getByLabel('CSV, XLSX or JSON file').setInputFiles({ name: 'january.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Validate (dry run)' }).click();
    await expect.poll(() => page.getByTestId('dry-run-status').getAttribute('data-status')).toBe('rejected');
    const errors = page.getByTestId('row-errors');
    await expect.poll(() => errors.textContent()).toContain('january.csv');
    expect(await errors.textContent()).toContain('unknown unit “kwh” (units are case-sensitive');
    await check('import-errors');

    // With quarantine the same file is importable, and the dry run says which rows would be kept apart.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Quarantine invalid rows and import the rest').check();
    await page.getByRole('button', { name: 'Validate (dry run)' }).click();
    await expect.poll(() => page.getByTestId('dry-run-status').textContent())
      .toBe('1 of 2 rows are valid; 1 will be kept apart in quarantine with their errors. You can import the file now.');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Quarantine invalid rows and import the rest').uncheck();
    await page.getByRole('button', { name: 'Validate (dry run)' }).click();
    await expect.poll(() => page.getByTestId('dry-run-status').getAttribute('data-status')).toBe('rejected');

    await page.getByLabel('Correct row 3, field unit').fill('kWh');
    await page.getByRole('button', { name: 'Apply my corrections and validate again' }).click();
    await expect.poll(() => page.getByTestId('dry-run-status').getAttribute('data-status')).toBe('valid');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status'), { timeout: 30_000 }).toBe('imported');
    expect(await page.getByTestId('rows-imported').textContent()).toBe('2');
    await check('import-done');
  });

  it('shows on the dashboard exactly the totals of the command line', async () => {
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.waitForURL('**/orgs/e2e-co/dashboard**');
    await expect.poll(() => page.getByTestId('total-scope1').getAttribute('data-kg')).not.toBeNull();
    const cli = await cliInventory(h.database.url as string, 'e2e-co', '2024');
    // EPA GHG Emission Factors Hub 2024, table 1: 100 mmBtu natural gas = 5,311.45 kg CO2e (AR5).
    expect(cli.totals.scope1_kg).toBe(5311.45);
    expect(await page.getByTestId('coverage-notice').count()).toBe(0); // one year, nothing to compare unlike
    for (const [testid, key] of Object.entries(CARDS)) {
      expect([testid, Number(await page.getByTestId(testid).getAttribute('data-kg'))]).toEqual([testid, cli.totals[key]]);
    }
    await check('dashboard');
  });

  it('drills down from the Scope 1 figure to its records and a record\'s trace', async () => {
    await page.getByTestId('total-scope1').getByRole('link').click();
    await page.waitForURL('**/records**scope=1**');
    await expect.poll(() => page.getByTestId('records-table').locator('tbody tr').count()).toBe(1);
    await check('records');
    await page.getByRole('link', { name: /Open record/ }).first().click();
    await expect.poll(() => page.getByTestId('record-co2e').getAttribute('data-kg')).toBe('5311.45');
    expect(await page.textContent('body')).toContain('epa-hub-2024/t1/natural-gas/mmBtu');
    // The calculation as the page writes it: 53.06 kg CO2 + 1 g CH4 × 28 + 0.1 g N2O × 265 = 53.1145 kg CO2e per mmBtu.
    expect(await page.getByTestId('formula-result').textContent()).toBe('100 mmBtu × 53.1145 kg CO₂e/mmBtu = 5,311.45 kg CO₂e');
    expect(await page.getByTestId('record-formula').textContent()).toContain('(CO2 53.06 kg × GWP 1 + CH4 0.001 kg × GWP 28 + N2O 0.0001 kg × GWP 265) = 53.1145 kg CO₂e/mmBtu (AR5)');
    expect(await page.getByTestId('record-checks').textContent()).toBe("Recomputed with today's factor library: 5,311.45 kg CO₂e, the stored result");
    await check('record');
  });

  it('lets the admin make a new calculation version from the report, with its reason', async () => {
    await page.getByRole('link', { name: 'Report' }).click();
    const form = page.getByTestId('recalc-form');
    await form.getByLabel('Reason').fill('year-end review');
    await form.getByRole('button', { name: 'Recalculate' }).click();
    await expect.poll(() => page.getByTestId('recalc-result').getAttribute('data-version')).toBe('2');
    await expect.poll(() => page.getByTestId('report-scope1').getAttribute('data-kg')).toBe('5311.45');
  });

  it('switches to 简体中文, remembers it, and exports an XLSX that reads back with the same totals', async () => {
    await page.getByTestId('language-select').selectOption('zh-Hans');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: '仪表板' }).count()).toBe(1);
    await check('report-zh');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cli = await cliInventory(h.database.url as string, 'e2e-co', '2024');
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat()).filter((v) => typeof v === 'number');
    for (const key of ['scope1_kg', 'scope2_location_kg', 'scope2_market_kg', 'total_market_kg'] as const) {
      expect([key, cells]).toEqual([key, expect.arrayContaining([Math.round(cli.totals[key] as number) / 1000])]);
    }
    expect(download.url()).toContain('lang=zh-Hans');
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['报告', '合计', '范围三', '法律实体', '场所', '业务单元', '月份']);
    expect(wb.getWorksheet('合计')?.getCell('A2').value).toBe('范围一');
    expect([wb.getWorksheet('报告')?.getCell('A8').value, wb.getWorksheet('报告')?.getCell('B7').value]).toEqual(['计算版本', cli.calc_version.gwp]);
    expect([wb.getWorksheet('报告')?.getCell('A5').value, wb.getWorksheet('报告')?.getCell('B5').value]).toEqual(['有记录的月份数（上一年）', '1 (–)']);
  });

  it('finds no serious or critical accessibility violation on any page visited', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(9);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
