import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME } from './data-dir-lock.js';
import { PgliteDatabase } from './pglite-database.js';

const dirs: string[] = [];
const dataDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'carbon-ledger-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a PGlite data directory', () => {
  it('is open in one process at a time, and free again once closed', async () => {
    const dir = dataDir();
    const first = await PgliteDatabase.open(dir);
    await first.query('CREATE TABLE kept (n int)');
    // Another process, as `carbon-ledger serve` and a command would be.
    const bin = fileURLToPath(new URL('../../bin/carbon-ledger.js', import.meta.url));
    const other = spawnSync(process.execPath, [bin, 'org', 'list', '--data-dir', dir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(`the data directory ${dir} is in use by another carbon-ledger process`);
    await expect(PgliteDatabase.open(dir)).rejects.toThrow(/is in use by another carbon-ledger process/);
    await first.close();
    const again = await PgliteDatabase.open(dir);
    expect(await again.query("SELECT to_regclass('kept')::text AS t")).toEqual([{ t: 'kept' }]);
    await again.close();
  });

  it('is taken over from a process that was killed once its lock is stale', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, LOCK_NAME));
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(dir, LOCK_NAME), old, old);
    const db = await PgliteDatabase.open(dir);
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });
});
