/**
 * Test support: the API server over a test database, and a client that keeps cookies and sends
 * the CSRF header the way the web app does (or an API token the way a script does).
 */
import type { FastifyInstance } from 'fastify';
import { pathOf, routes, type RouteName } from '../api/contract.js';
import type { ApiErrorBody } from '../api/errors.js';
import { loadLibrary } from '../library/load-library.js';
import { argon2Hasher } from '../server/argon2-hasher.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../server/auth.js';
import { buildServer } from '../server/server.js';
import { openTestDatabase, type Engine, type TestDatabase } from './databases.js';

/** argon2id with a small memory cost: the same algorithm, fast enough for many sign-ups. */
export const TEST_HASHER = argon2Hasher({ memoryCost: 4096, timeCost: 2, parallelism: 1 });

export interface TestServer {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

export async function openTestServer(engine: Engine, options: { signInLimit?: number } = {}): Promise<TestServer> {
  const database = await openTestDatabase(engine);
  const app = await buildServer({ db: database.db, lib: loadLibrary(), hasher: TEST_HASHER, checkResponses: true, webDir: null, ...options });
  return { app, database, close: async () => { await app.close(); await database.dispose(); } };
}

export interface Call {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly json: T;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly raw: Buffer;
}

/** A browser-like caller (cookie jar + CSRF header), or a script with a bearer token. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance, private readonly token: string | null = null) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.app, token);
  }

  async call<T = unknown>(name: RouteName, c: Call = {}): Promise<Reply<T>> {
    const r = routes[name];
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined) qs.set(k, String(v));
    const url = pathOf(r.path, c.params ?? {}) + (qs.size > 0 ? `?${qs}` : '');
    const headers: Record<string, string> = {};
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (r.method !== 'GET' && csrf !== undefined) headers[CSRF_HEADER] = csrf;
    const res = await this.app.inject({ method: r.method, url, headers, ...(c.body === undefined ? {} : { payload: c.body as object }) });
    for (const ck of res.cookies) {
      if (ck.value === '' || (ck.expires !== undefined && ck.expires.getTime() < Date.now())) this.cookies.delete(ck.name);
      else this.cookies.set(ck.name, ck.value);
    }
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, json: (type.includes('json') ? res.json() : null) as T, headers: res.headers, raw: res.rawPayload };
  }

  /** Like `call`, but fails the test unless the status is 2xx. */
  async ok<T = unknown>(name: RouteName, c: Call = {}): Promise<T> {
    const r = await this.call<T>(name, c);
    if (r.status >= 300) throw new Error(`${name} answered ${r.status}: ${JSON.stringify(r.json)}`);
    return r.json;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export const errorOf = (r: Reply): ApiErrorBody['error'] => (r.json as ApiErrorBody).error;

/** Signs a new account up; returns its client. */
export async function signedUp(app: FastifyInstance, email: string): Promise<ApiClient> {
  const c = new ApiClient(app);
  await c.ok('signUp', { body: { email, name: email.split('@')[0], password: 'correct horse battery' } });
  return c;
}

/** Runs an import job to its end through the event stream; returns the `result` or `failure` data. */
export async function runImport(c: ApiClient, org: string, body: Record<string, unknown>): Promise<{ event: string; data: Record<string, unknown>; progress: number }> {
  const { job_id } = await c.ok<{ job_id: string }>('startImport', { params: { org }, body });
  for (let i = 0; i < 200; i++) {
    const r = await c.call('importEvents', { params: { org, job: job_id } });
    const events = r.raw.toString('utf8').split('\n\n').filter((e) => e.trim() !== '').map((e) => {
      const [ev, data] = e.split('\n');
      return { event: (ev ?? '').replace('event: ', ''), data: JSON.parse((data ?? '').replace('data: ', '')) as Record<string, unknown> };
    });
    const last = events[events.length - 1];
    if (last !== undefined && last.event !== 'progress') return { ...last, progress: events.filter((e) => e.event === 'progress').length };
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('import job did not finish');
}

export const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
