/**
 * @module server/import-jobs
 * Imports run as jobs so that the browser can watch them: the POST answers at once with a job id,
 * and the job's event stream (server-sent events) carries `progress` {bytes, total} as the file is
 * read, then one `result` or `failure`. A job belongs to one organisation and one user, and is
 * forgotten ten minutes after it ends.
 */
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '../api/errors.js';

export type JobEvent =
  | { readonly event: 'progress'; readonly data: { readonly bytes: number; readonly total: number } }
  | { readonly event: 'result'; readonly data: unknown }
  | { readonly event: 'failure'; readonly data: ApiErrorBody };

interface Job {
  readonly orgId: number;
  readonly userId: number;
  last: JobEvent | null;
  done: boolean;
  readonly listeners: Set<(e: JobEvent) => void>;
}

const KEEP_MS = 10 * 60_000;
/** At most this many progress events a second reach the stream. */
const PROGRESS_EVERY_MS = 100;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts `work`, which reports progress through `progress` and resolves to the result. */
  start(orgId: number, userId: number, work: (progress: (bytes: number, total: number) => void) => Promise<unknown>, failure: (e: unknown) => ApiErrorBody): string {
    const id = randomUUID();
    const job: Job = { orgId, userId, last: null, done: false, listeners: new Set() };
    this.jobs.set(id, job);
    const emit = (e: JobEvent): void => {
      job.last = e;
      for (const l of job.listeners) l(e);
    };
    let lastProgress = 0;
    const progress = (bytes: number, total: number): void => {
      const t = performance.now();
      if (t - lastProgress < PROGRESS_EVERY_MS && bytes < total) return;
      lastProgress = t;
      emit({ event: 'progress', data: { bytes, total } });
    };
    // Let the POST answer before the work starts.
    setImmediate(() => {
      work(progress)
        .then((data) => emit({ event: 'result', data }), (e: unknown) => emit({ event: 'failure', data: failure(e) }))
        .finally(() => {
          job.done = true;
          setTimeout(() => this.jobs.delete(id), KEEP_MS).unref();
        });
    });
    return id;
  }

  /**
   * Calls `listener` with the last event, then with every new one until the job ends; returns an
   * unsubscribe function, or null when there is no such job for this organisation and user.
   */
  follow(id: string, orgId: number, userId: number, listener: (e: JobEvent, final: boolean) => void): (() => void) | null {
    const job = this.jobs.get(id);
    if (job === undefined || job.orgId !== orgId || job.userId !== userId) return null;
    const l = (e: JobEvent): void => listener(e, e.event !== 'progress');
    if (job.last !== null) l(job.last);
    if (job.done) return () => undefined;
    job.listeners.add(l);
    return () => job.listeners.delete(l);
  }
}
