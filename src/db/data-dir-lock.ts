/**
 * @module db/data-dir-lock
 * One process at a time in a PGlite data directory. PGlite is PostgreSQL in this process, with no
 * server to share: a second process opening the same directory works on its own copy of the same
 * files, and the two overwrite each other (seen: an import waiting forever on a transaction the
 * other process left in the files). So opening takes a lock (proper-lockfile: a directory created
 * atomically inside the data directory, its time refreshed while the process runs, released on
 * close and on exit, and taken over once stale after a kill -9).
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../app/app-error.js';

/** A lock left by a process that was killed is taken over after this long. */
const STALE_MS = 60_000;

export const LOCK_NAME = 'carbon-ledger.lock';

/** Locks `dataDir` (which exists) for this process; resolves to the function that releases it. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, LOCK_NAME), stale: STALE_MS, update: STALE_MS / 6, realpath: false,
      // A refresh that failed (the disk was full, the directory moved) must not kill a running import.
      onCompromised: (e) => process.emitWarning(`the lock of ${dataDir} could not be kept: ${e.message}`),
    });
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ELOCKED') throw e;
    throw new AppError('conflict', `the data directory ${dataDir} is in use by another carbon-ledger process (a server, or a command still `
      + 'running): stop it first, or set DATABASE_URL to a PostgreSQL server, which several processes can share. '
      + `A lock left by a process that was killed is taken over after ${STALE_MS / 1000} s.`);
  }
}
