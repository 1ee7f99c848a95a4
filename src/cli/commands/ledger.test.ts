import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built command line, as a user runs it, on the demo in a PGlite data directory of its own.
const BIN = fileURLToPath(new URL('../../../bin/carbon-ledger.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-records-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('carbon-ledger records and explain', () => {
  beforeAll(() => {
    expect(run('demo', '--quiet').status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists records with the ids explain takes, a page at a time', () => {
    const page = run('records', '--org', 'jasons-team', '--limit', '2');
    expect(page.status).toBe(0);
    const lines = page.stdout.trim().split('\n');
    // EPA GHG Emission Factors Hub 2024, natural gas: 53.1145 kg CO2e per mmBtu (AR5); 325.5 mmBtu.
    expect(lines[0]).toBe('1  2020-07-01  Seattle HQ  scope 1  325.5 mmBtu  17288.77 kg CO2e  activities-fy2021.csv row 2');
    expect(lines[2]).toBe('more: --after 2');
    const next = run('records', '--org', 'jasons-team', '--limit', '1', '--after', '2', '--json');
    expect((JSON.parse(next.stdout) as { records: { record_id: number }[] }).records.map((r) => r.record_id)).toEqual([3]);
    const trace = run('explain', '1', '--org', 'jasons-team');
    expect(trace.stdout).toContain('report:  operational control: controlled → 100%, from 2019-07-01 = 17288.77 kg CO2e location-based');
  });

  it('refuses a bad filter naming it', () => {
    const bad = run('records', '--org', 'jasons-team', '--month', '2024-13');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'carbon-ledger: month: must be a month YYYY-MM']);
  });
});
