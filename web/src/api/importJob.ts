/** Starts an import (or dry run) and follows its event stream: `progress`, then `result` or `failure`. */
import type { z } from 'zod';
import type { BodyOf, ResponseOf } from '../../../src/api/contract.js';
import type { importResultSchema } from '../../../src/api/schemas.js';
import { ApiError, call, errorOf, urlOf } from './client.js';

export type ImportResult = z.output<typeof importResultSchema>;

export interface Progress {
  readonly bytes: number;
  readonly total: number;
}

export async function runImport(org: string, body: BodyOf<'startImport'>, onProgress: (p: Progress) => void): Promise<ImportResult> {
  const job: ResponseOf<'startImport'> = await call('startImport', { params: { org }, body });
  return new Promise<ImportResult>((resolve, reject) => {
    const es = new EventSource(urlOf('importEvents', { org, job: job.job_id }), { withCredentials: true });
    let failures = 0;
    es.addEventListener('progress', (e) => {
      try {
        const p = JSON.parse((e as MessageEvent<string>).data) as Progress;
        onProgress(p);
      } catch {
        // a malformed progress event only loses one update
      }
    });
    es.addEventListener('result', (e) => {
      es.close();
      try {
        resolve(JSON.parse((e as MessageEvent<string>).data) as ImportResult);
      } catch (err) {
        reject(err);
      }
    });
    es.addEventListener('failure', (e) => {
      es.close();
      let json: unknown;
      try {
        json = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        json = undefined;
      }
      reject(errorOf(422, json));
    });
    es.onerror = () => {
      failures++;
      if (es.readyState === EventSource.CLOSED || failures >= 3) {
        es.close();
        reject(new ApiError(0, 'network', 'event stream closed'));
      }
    };
  });
}
