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
const report = (...args: string[]) => run('report', 'inventory', '--org', 'jasons-team', '--year', 'FY2022', ...args);

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

  it('refuses a file name that tells no format, and a workbook to print', () => {
    const txt = report('-o', join(dir, 'fy2022.txt'));
    expect([txt.status, txt.stderr]).toEqual([2, expect.stringContaining('name the file .csv, .xlsx or .json, or give --format csv|xlsx')]);
    const xlsx = report('--format', 'xlsx');
    expect([xlsx.status, xlsx.stderr]).toEqual([2, expect.stringContaining('--format xlsx needs --output FILE (a workbook is not printed)')]);
  });
});
