/**
 * @module db/pglite-database
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a data directory, run in a
 * worker thread of its own (pglite-worker-source.ts). PostgreSQL's work then runs beside the
 * JavaScript that feeds it — an import parses and calculates the next chunk while the previous
 * one is copied in — and a long query does not stop the server's event loop.
 *
 * PGlite is one connection: every statement outside a transaction, and every transaction as a
 * whole, waits its turn, as with PGlite's own transactions. COPY reads from a Blob in the worker,
 * so bulk loads are sent in chunks of a few MB.
 */
import { Worker } from 'node:worker_threads';
import type { Database, Param, Queryable, Row } from './database.js';
import { setSessionActor } from './audit-actor.js';
import { lockDataDir } from './data-dir-lock.js';
import { PGLITE_WORKER_SOURCE, type WorkerReply, type WorkerRequest } from './pglite-worker-source.js';

const COPY_CHUNK = 8 << 20;
const encoder = new TextEncoder();
const WORKER_HEAP_MB = 128;

/** An error PGlite raised, with the fields PostgreSQL gave it (code, detail, constraint…). */
export class PgliteError extends Error {
  override readonly name = 'PgliteError';
  constructor(fields: Readonly<Record<string, unknown>>) {
    super(String(fields.message ?? 'PGlite error'));
    Object.assign(this, fields, { name: 'PgliteError' });
  }
}

/** The worker and its requests in flight; the worker keeps the process alive only while one is. */
class Channel {
  private next = 0;
  /** Why the worker is gone: every later request fails with it instead of waiting forever. */
  private dead: Error | null = null;
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (p === undefined) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error !== undefined) p.reject(new PgliteError(reply.error));
      else p.resolve(reply);
    });
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => this.failAll(new Error(`the PGlite worker stopped (exit code ${code})`)));
  }

  send(request: Omit<WorkerRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      if (this.dead !== null) {
        reject(this.dead);
        return;
      }
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...request, id } as WorkerRequest, transfer);
      } catch (e) {
        // A parameter that cannot be cloned: this request fails, the worker is fine.
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker.unref();
        reject(e as Error);
      }
    });
  }

  private failAll(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.worker.unref();
  }
}

class PgliteQueryable implements Queryable {
  constructor(protected readonly channel: Channel) {}

  async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return ((await this.channel.send({ op: 'query', sql, params: [...params] })).rows ?? []) as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.channel.send({ op: 'exec', sql });
  }

  async copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    let copied = 0;
    let pending: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      // Encoded here and handed over, so the worker's heap never holds the text (its garbage
      // would otherwise pile up between the worker's collections: +200 MB seen on 1M rows).
      const bytes = encoder.encode(pending.join(''));
      pending = [];
      size = 0;
      const sql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      copied += (await this.channel.send({ op: 'copy', sql, bytes }, [bytes.buffer as ArrayBuffer])).affected ?? 0;
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= COPY_CHUNK) await flush();
    }
    await flush();
    return copied;
  }
}

/**
 * A transaction's statements. BEGIN travels with the first statement sent without parameters (a
 * tenant transaction's settings), not as a request of its own: each request is a round trip to
 * the worker, and PGlite serves one at a time, so a request saved is time every waiting caller
 * gets back (an API read under load is four or five requests).
 */
class PgliteTransaction extends PgliteQueryable {
  /** BEGIN's request, once sent: a statement issued while it is on its way is sent after it. */
  private begun: Promise<void> | null = null;

  override async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    await (this.begun ??= super.exec('BEGIN'));
    return super.query<T>(sql, params);
  }

  override async exec(sql: string): Promise<void> {
    if (this.begun === null) {
      const first = super.exec(`BEGIN; ${sql}`);
      this.begun = first.catch(() => undefined); // BEGIN ran whatever the statement did; its error is this call's
      return first;
    }
    await this.begun;
    return super.exec(sql);
  }

  override async copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    await (this.begun ??= super.exec('BEGIN'));
    return super.copyFrom(table, columns, chunks);
  }

  /** COMMIT, or nothing when no statement ran. */
  async commit(): Promise<void> {
    if (this.begun === null) return;
    await this.begun;
    await super.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.begun === null) return;
    await this.begun.catch(() => undefined);
    await super.exec('ROLLBACK');
  }
}

export class PgliteDatabase extends PgliteQueryable implements Database {
  readonly engine = 'pglite' as const;
  /** The end of the last statement or transaction: the next one starts after it. */
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly worker: Worker,
    channel: Channel,
    readonly location: string,
    /** Releases the data directory's lock (none in memory). */
    private readonly unlock: () => Promise<void>,
  ) {
    super(channel);
  }

  /**
   * Opens the data directory `dataDir` (which exists), refusing one another process has open.
   * `actor` is who the audit log names for this process's changes (migrations/0009).
   */
  static async open(dataDir: string, actor?: string): Promise<PgliteDatabase> {
    const unlock = await lockDataDir(dataDir);
    try {
      const db = await PgliteDatabase.start(dataDir, dataDir, unlock);
      if (actor !== undefined) await setSessionActor(db, actor);
      return db;
    } catch (e) {
      await unlock();
      throw e;
    }
  }

  /** A throw-away in-memory database (tests). */
  static memory(): Promise<PgliteDatabase> {
    return PgliteDatabase.start(null, 'memory://', async () => undefined);
  }

  private static async start(dataDir: string | null, location: string, unlock: () => Promise<void>): Promise<PgliteDatabase> {
    const worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true, workerData: { dataDir, pglite: import.meta.resolve('@electric-sql/pglite') },
      // The worker holds little (PostgreSQL's memory is the WebAssembly buffer, outside this
      // limit; the largest result is a recalculation page of 5,000 records), but left to grow its
      // heap collected late: the 1M-row import's peak varied from 480 to 700 MB between runs.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const channel = new Channel(worker);
    try {
      await channel.send({ op: 'ready' });
    } catch (e) {
      await worker.terminate();
      throw e;
    }
    return new PgliteDatabase(worker, channel, location, unlock);
  }

  override query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.inTurn(() => super.query<T>(sql, params));
  }

  override exec(sql: string): Promise<void> {
    return this.inTurn(() => super.exec(sql));
  }

  override copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    return this.inTurn(() => super.copyFrom(table, columns, chunks));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const tx = new PgliteTransaction(this.channel);
      try {
        const result = await fn(tx);
        await tx.commit();
        return result;
      } catch (e) {
        await tx.rollback().catch(() => undefined); // the error that ended the work is the one to report
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    try {
      await this.inTurn(() => this.channel.send({ op: 'close' }));
      await this.worker.terminate();
    } finally {
      await this.unlock();
    }
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }
}
