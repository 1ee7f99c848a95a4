import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAcme, FIXTURES } from '../../app/import/fixtures/test-org.js';
import { openDatabase } from '../../db/open-database.js';
import { registerImport } from './import.js';

// In process, on a fresh program each time (commander keeps option values between parses).
const dataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-import-cli-'));
const savedUrl = process.env.DATABASE_URL;

async function cli(...args: string[]): Promise<string> {
  const program = new Command('carbon-ledger').exitOverride().configureOutput({ writeErr: () => undefined });
  registerImport(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['import', ...args, '--org', 'acme', '--data-dir', dataDir], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('carbon-ledger import', () => {
  beforeAll(async () => {
    delete process.env.DATABASE_URL; // PGlite in a temporary directory
    const db = await openDatabase({ dataDir });
    await createAcme(db);
    await db.close();
  });
  afterAll(() => {
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports with a built-in mapping, recalculates, and treats the same file again as a no-op', async () => {
    expect(await cli(`${FIXTURES}fuel-card.csv`, '--mapping', 'fuel-card', '--by', 'ana'))
      .toMatch(/^imported fuel-card\.csv as batch \d+: 4 of 4 activities rows\nrecalculated: version \d+ \(4 records\)\n$/);
    expect(await cli(`${FIXTURES}fuel-card.csv`, '--mapping', 'fuel-card'))
      .toMatch(/^fuel-card\.csv: already imported as batch \d+ \(same content, sha256 [0-9a-f]{12}…\); nothing to do\n$/);
  });

  it('refuses a file with errors (exit 2 via AppError), listing them, and quarantines on request', async () => {
    const file = `${FIXTURES}activities-with-errors.csv`;
    const refused = await cli(file).catch((e: Error) => e);
    expect(refused).toMatchObject({ name: 'AppError', code: 'invalid_input' });
    expect((refused as Error).message.split('\n')).toEqual([
      'activities-with-errors.csv: 6 error(s), nothing imported (--quarantine imports the good rows and keeps the bad ones apart):',
      expect.stringMatching(/^ {2}activities-with-errors\.csv: row 3, field "unit": unknown unit "kwh"/),
      expect.stringMatching(/row 4, field "site"/), expect.stringMatching(/row 5, field "category"/), expect.stringMatching(/row 6, field "quantity"/),
      expect.stringMatching(/row 7, field "period"/), expect.stringMatching(/row 8, field "activity": missing factor/),
    ]);
    const json = JSON.parse(await cli(file, '--quarantine', '--json')) as Record<string, unknown>;
    expect(json).toMatchObject({ status: 'imported', file: 'activities-with-errors.csv', rows_total: 8, rows_imported: 2, rows_quarantined: 6, error_count: 6,
      recalculation: { records: 6 } });
    expect((json.errors as unknown[])[0]).toEqual({ file: 'activities-with-errors.csv', row: 3, label: 'row', field: 'unit', message: expect.stringContaining('unknown unit "kwh"') });
  });

  it('says with --dry-run what an import would do, writing nothing, and names --data-dir in the commands it suggests', async () => {
    const file = `${FIXTURES}activities-canonical.csv`;
    expect(await cli(file, '--dry-run')).toBe('dry run of activities-canonical.csv: 5 of 5 activities rows would be imported; nothing written\n');
    const errors = `${FIXTURES}activities-with-errors.csv`;
    // The quarantine run of the test before imported this file: the same content is a duplicate, dry run or not.
    expect(await cli(errors, '--dry-run', '--quarantine')).toMatch(/already imported as batch \d+/);
    const copy = join(dataDir, 'errors-copy.csv');
    // The same rows under other source ids (the earlier import took two of them).
    writeFileSync(copy, readFileSync(errors, 'utf8').replace(/^(?=[A-Z])/gm, 'X-'));
    expect((await cli(copy, '--dry-run', '--quarantine')).split('\n').slice(0, 3)).toEqual([
      'dry run of errors-copy.csv: 2 of 8 activities rows would be imported; nothing written', '6 row(s) would be quarantined with their errors:',
      expect.stringMatching(/^ {2}errors-copy\.csv: row 3, field "unit": unknown unit "kwh"/),
    ]);
    expect(await cli(file)).toMatch(/^imported activities-canonical\.csv as batch \d+: 5 of 5/); // nothing was written by the dry run
    const done = await cli(copy, '--quarantine');
    expect(done).toContain(`to fix them: carbon-ledger quarantine --org acme --data-dir ${dataDir} --batch `);
    expect(done).toContain(`then: carbon-ledger import fix.csv --org acme --data-dir ${dataDir} --quarantine`);
  });

  it('saves a mapping from --map/--const pairs and imports with it', async () => {
    expect(await cli('--save-mapping', 'gas-bills', '--map', 'Premises=site', '--map', 'Month=period', '--map', 'Therms=quantity',
      '--const', 'scope=1', '--const', 'unit=therm', '--const', 'activity=fuel.natural-gas')).toBe('saved mapping "gas-bills" for acme\n');
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-gas-'));
    try {
      writeFileSync(join(dir, 'gas.csv'), 'Premises,Month,Therms\nPhiladelphia Plant,2024-02,21504\nHouston DC,2024-02,3120\n');
      expect(await cli(join(dir, 'gas.csv'), '--mapping', 'gas-bills')).toMatch(/^imported gas\.csv as batch \d+: 2 of 2 activities rows\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(cli('--save-mapping', 'bad', '--map', 'Qty=amount')).rejects.toThrow('mapping "bad": column "Qty" names "amount", which is not a field of activities');
  });

  it('refuses rows imported before under their source ids, unless --allow-repeats', async () => {
    const copy = join(dataDir, 'fuel-card-again.csv');
    writeFileSync(copy, readFileSync(`${FIXTURES}fuel-card.csv`, 'utf8') + '\n');
    const refused = await cli(copy, '--mapping', 'fuel-card').catch((e: Error) => e);
    expect((refused as Error).message.split('\n').slice(0, 2)).toEqual([
      'fuel-card-again.csv: 4 error(s), nothing imported (--quarantine imports the good rows and keeps the bad ones apart):',
      expect.stringMatching(/^ {2}fuel-card-again\.csv: row 2, field "source_id": source_id "[^"]+" is in the ledger already \(import \d+, row 2\): importing it again would count it twice/),
    ]);
    expect(await cli(copy, '--mapping', 'fuel-card', '--allow-repeats')).toMatch(/^imported fuel-card-again\.csv as batch \d+: 4 of 4 activities rows\n/);
  });
});
