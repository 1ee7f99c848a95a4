import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built command line on the demo in a PGlite data directory: the inventory printed, or
// exported to a file whose name tells the format.
const BIN = fileURLToPath(new URL('../../../bin/carbon-ledger.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-report-cli-'));
const dataDir = join(dir, 'data');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
const report = (...args: string[]): ReturnType<typeof run> => run('report', 'inventory', '--org', 'jasons-team', '--year', 'FY2022', ...args);

describe('carbon-ledger report inventory', () => {
  let json: { totals: { scope1_kg: number; total_market_kg: number } };
  beforeAll(() => {
    expect(run('demo', '--quiet').status).toBe(0);
    json = JSON.parse(report('--json').stdout) as typeof json;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the export the file name asks for: .xlsx, .csv or .json', async () => {
    const xlsx = join(dir, 'fy2022.xlsx');
    const wrote = report('-o', xlsx);
    expect([wrote.status, wrote.stdout]).toEqual([0, `wrote ${xlsx}\n`]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const numbers = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat()).filter((v) => typeof v === 'number');
    expect(numbers).toContain(Math.round(json.totals.scope1_kg) / 1000);

    const csv = join(dir, 'fy2022.csv');
    expect(report('-o', csv).status).toBe(0);
    // Printed without --output, the CSV is the same as the file.
    expect(report('--format', 'csv').stdout).toBe(readFileSync(csv, 'utf8'));

    expect(report('-o', join(dir, 'fy2022.json')).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'fy2022.json'), 'utf8'))).toEqual(json);
  });

  it('exports the Scope 1+2 headline, gas rows said to be location-based, and methods in the language asked', () => {
    const csv = report('--format', 'csv').stdout.split('\n');
    // Seed 000: Scope 1+2 market-based −17 % on the year before.
    expect(csv).toContain('Scope 1+2 (market-based),15999.717,19277.282,-17');
    expect(csv).toContain('Gas: CO2 (location-based CO2e),13188.711,11646.333,');
    expect(csv).toContain('Months with records (previous year),12 (12)');
    const vi = report('--format', 'csv', '--lang', 'vi').stdout.split('\n');
    expect(vi).toContain('Phạm vi 1+2 (theo thị trường),15999.717,19277.282,-17');
    expect(vi).toContain('1. Hàng hóa và dịch vụ mua vào,dựa trên chi tiêu,163.201');
  });

  it('prints the text report with one decimal on every figure and change', () => {
    const text = report().stdout.split('\n');
    expect(text).toContain('  Scope 1+2 market-based        15,999.7 t (-17.0%)');
    expect(text).toContain('  Total location-based          26,945.0 t (+18.1%)');
    expect(text).toContain('  Revenue change: +20.0%');
  });

  it('refuses a file name that tells no format, and a workbook to print', () => {
    const txt = report('-o', join(dir, 'fy2022.txt'));
    expect([txt.status, txt.stderr]).toEqual([2, expect.stringContaining('name the file .csv, .xlsx or .json, or give --format csv|xlsx')]);
    const mismatch = report('--json', '-o', join(dir, 'fy2022.csv'));
    expect([mismatch.status, mismatch.stderr]).toEqual([2, expect.stringContaining('names a .csv file, but --json asks for json')]);
    const both = report('--json', '--format', 'csv');
    expect([both.status, both.stderr.trim()]).toEqual([2, 'carbon-ledger: --json and --format csv ask for two formats: give one']);
    const xlsx = report('--format', 'xlsx');
    expect([xlsx.status, xlsx.stderr]).toEqual([2, expect.stringContaining('--format xlsx needs --output FILE (a workbook is not printed)')]);
  });
});
