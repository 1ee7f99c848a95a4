import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built command line, as a user runs it, on the demo in a PGlite data directory of its own.
const BIN = fileURLToPath(new URL('../../../bin/carbon-ledger.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-records-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('carbon-ledger records, explain, imports and quarantine', () => {
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
    const versions = JSON.parse(run('versions', '--org', 'jasons-team', '--json').stdout) as { versions: Record<string, unknown>[] };
    expect(versions.versions).toEqual([expect.objectContaining({ id: 1, reason: 'demo load', gwp: 'AR5', consolidation: 'operational_control', records: 456 })]);
    const explained = JSON.parse(run('explain', '1', '--org', 'jasons-team', '--json').stdout) as { calculation_version: unknown; result: unknown };
    expect(explained).toMatchObject({ calculation_version: { id: 1, gwp: 'AR5' }, result: { co2e_kg: 17288.77, factor_id: 'epa-hub-2024/t1/natural-gas/mmBtu', market_parts: null } });
    const trace = run('explain', '1', '--org', 'jasons-team');
    expect(trace.stdout).toContain('report:  operational control: controlled → 100%, from 2019-07-01 = 17288.77 kg CO2e location-based');
  });

  it('refuses a bad filter naming it', () => {
    const bad = run('records', '--org', 'jasons-team', '--month', '2024-13');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'carbon-ledger: month: must be a month YYYY-MM']);
    // An id is written plainly: "0x10" is not version 16.
    const hex = run('explain', '1', '--calc-version', '0x10');
    expect([hex.status, hex.stderr.trim()]).toEqual([2, 'carbon-ledger: --calc-version "0x10" is not a version id (a positive integer; see `versions --org`)']);
  });

  it('shows what an import kept apart, and gives it back as a file to fix', () => {
    const file = join(dataDir, 'march.csv');
    writeFileSync(file, [
      'source_id,site,business_unit,period,scope,quantity,unit,activity',
      'SEA-GAS-03,Seattle HQ,Corporate,2022-03,1,12.5,mmBtu,fuel.natural-gas',
      'SEA-GAS-04,Seattle HQ,Corporate,2022-04,1,12.5,mmbtu?,fuel.natural-gas',
    ].join('\n') + '\n');
    const imported = run('import', file, '--org', 'jasons-team', '--quarantine');
    expect(imported.status).toBe(0);
    const batch = /as batch (\d+)/.exec(imported.stdout)?.[1] ?? '';
    expect(imported.stdout).toContain(`to fix them: carbon-ledger quarantine --org jasons-team --data-dir ${dataDir} --batch ${batch} --csv > fix.csv, correct it, then: carbon-ledger import fix.csv --org jasons-team --data-dir ${dataDir} --quarantine`);
    expect(run('imports', '--org', 'jasons-team').stdout).toMatch(new RegExp(`^${batch}  \\S+  march\\.csv  activities: 1 of 2 rows, 1 quarantined \\(quarantine --batch ${batch}\\)  by `, 'm'));
    const listed = run('quarantine', '--org', 'jasons-team', '--batch', batch);
    expect(listed.stdout).toMatch(new RegExp(`^batch ${batch} \\(march\\.csv\\): 1 quarantined row\\(s\\):\\n  march\\.csv: row 3, field "unit": `));
    const csv = run('quarantine', '--org', 'jasons-team', '--batch', batch, '--csv').stdout.split('\n');
    expect(csv.slice(0, 2)).toEqual(['source_id,site,business_unit,period,scope,quantity,unit,activity', 'SEA-GAS-04,Seattle HQ,Corporate,2022-04,1,12.5,mmbtu?,fuel.natural-gas']);
    const bad = run('quarantine', '--org', 'jasons-team', '--batch', 'x');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'carbon-ledger: --batch "x" is not a batch id (see: carbon-ledger imports --org jasons-team)']);
  });
});
