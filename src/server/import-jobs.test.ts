/**
 * Import jobs: a follower sees progress as it happens, then exactly one final event; a late
 * follower gets the final event at once; other organisations and users see no job.
 */
import { describe, expect, it } from 'vitest';
import { ImportJobs, type JobEvent } from './import-jobs.js';

const failure = (): { error: { code: 'internal'; message: string } } => ({ error: { code: 'internal', message: 'x' } });
const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('import jobs', () => {
  it('streams progress, then the result, and replays the result to a late follower', async () => {
    const jobs = new ImportJobs();
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const id = jobs.start(1, 7, async (progress) => {
      progress(100, 1000);
      await tick(150);
      progress(1000, 1000);
      await gate;
      return { status: 'imported' };
    }, failure);
    const seen: JobEvent[] = [];
    let finals = 0;
    await tick(20);
    expect(jobs.follow(id, 1, 7, (e, final) => { seen.push(e); if (final) finals++; })).not.toBeNull();
    await tick(200);
    release();
    await tick(20);
    expect(seen.map((e) => e.event)).toEqual(['progress', 'progress', 'result']);
    expect(seen[1]).toEqual({ event: 'progress', data: { bytes: 1000, total: 1000 } });
    expect(finals).toBe(1);

    const late: JobEvent[] = [];
    jobs.follow(id, 1, 7, (e) => late.push(e));
    expect(late).toEqual([{ event: 'result', data: { status: 'imported' } }]);
  });

  it('reports a failure as the error shape', async () => {
    const jobs = new ImportJobs();
    const id = jobs.start(1, 7, async () => { throw new Error('boom'); }, failure);
    await tick(10);
    const seen: JobEvent[] = [];
    jobs.follow(id, 1, 7, (e) => seen.push(e));
    expect(seen).toEqual([{ event: 'failure', data: failure() }]);
  });

  it('shows a job only to its organisation and user', async () => {
    const jobs = new ImportJobs();
    const id = jobs.start(1, 7, async () => ({}), failure);
    expect(jobs.follow(id, 2, 7, () => undefined)).toBeNull();
    expect(jobs.follow(id, 1, 8, () => undefined)).toBeNull();
    expect(jobs.follow('no-such-job', 1, 7, () => undefined)).toBeNull();
  });
});
