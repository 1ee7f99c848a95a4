/**
 * @module db/pglite-worker-source
 * The worker thread that runs PGlite for `PgliteDatabase`, and the messages between them. The
 * worker is started from this source text (`eval`), so it runs the same way from the build and
 * from the TypeScript sources under test; it imports PGlite from the URL the main thread resolved.
 * It answers one request at a time, in order: PGlite is a single connection.
 */
import type { Param, Row } from './database.js';

export interface WorkerRequest {
  readonly id: number;
  readonly op: 'ready' | 'query' | 'exec' | 'copy' | 'close';
  readonly sql?: string;
  readonly params?: Param[];
  /** CSV rows for `copy`, UTF-8 (its `sql` reads them from /dev/blob); transferred, not copied. */
  readonly bytes?: Uint8Array;
}

export interface WorkerReply {
  readonly id: number;
  readonly rows?: Row[];
  readonly affected?: number;
  /** PostgreSQL's error fields (message, code, detail, constraint…). */
  readonly error?: Readonly<Record<string, unknown>>;
}

/**
 * Dates stay ISO strings (YYYY-MM-DD), as with node-postgres: a date has no time zone (OID 1082).
 * Memory: 32 MB of shared buffers (PostgreSQL's default is 128 MB) in a WebAssembly memory that
 * starts at 128 MB and grows when it must. The data directory's files are cached by the operating
 * system anyway; on the 1,000,000-row benchmark import this took the process's peak from 618 MB
 * to 456 MB at the same speed (docs/benchmarks.md).
 */
export const PGLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const started = import(workerData.pglite).then(({ PGlite }) => {
  const options = {
    parsers: { 1082: (value) => value },
    initialMemory: 128 * 1024 * 1024,
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  };
  return workerData.dataDir === null ? PGlite.create(options) : PGlite.create(workerData.dataDir, options);
});
let queue = Promise.resolve();
parentPort.on('message', (request) => {
  queue = queue.then(() => answer(request));
});
async function answer(request) {
  try {
    const db = await started;
    if (request.op === 'query') {
      parentPort.postMessage({ id: request.id, rows: (await db.query(request.sql, request.params)).rows });
    } else if (request.op === 'exec') {
      await db.exec(request.sql);
      parentPort.postMessage({ id: request.id });
    } else if (request.op === 'copy') {
      const result = await db.query(request.sql, [], { blob: new Blob([request.bytes]) });
      parentPort.postMessage({ id: request.id, affected: result.affectedRows ?? 0 });
    } else if (request.op === 'close') {
      await db.close();
      parentPort.postMessage({ id: request.id });
    } else {
      parentPort.postMessage({ id: request.id });
    }
  } catch (e) {
    const fields = { message: String(e && e.message !== undefined ? e.message : e) };
    for (const key of ['code', 'detail', 'hint', 'position', 'severity', 'where', 'schema', 'table', 'column', 'constraint', 'routine']) {
      if (e && e[key] !== undefined) fields[key] = e[key];
    }
    parentPort.postMessage({ id: request.id, error: fields });
  }
}
`;
