/**
 * The one way the web app talks to the API: `call(name, {params, query, body})`, typed by the
 * contract table. Sends the CSRF header on mutating requests and turns every error response into
 * an `ApiError`.
 */
import { pathOf, routes, type BodyOf, type ParamsOf, type QueryOf, type ResponseOf, type RouteName } from '../../../src/api/contract.js';
import type { ApiErrorCode } from '../../../src/api/errors.js';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the field named `path` (or of a nested path under it). */
  field(path: string): string | undefined {
    const f = this.fields.find((x) => x.path === path || x.path.startsWith(`${path}.`) || x.path.startsWith(`${path}[`))?.message;
    if (f !== undefined || this.fields.length > 0 || (this.code !== 'invalid_input' && this.code !== 'conflict')) return f;
    // Messages of the application layer name the field first: "slug: organisation … exists already".
    return this.message.startsWith(`${path}: `) ? this.message.slice(path.length + 2) : undefined;
  }
}

type QueryValue = string | number | boolean | null | undefined;
type Params<N extends RouteName> = keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> };
type Query<N extends RouteName> = QueryOf<N> extends undefined ? { query?: undefined } : { query?: QueryOf<N> };
type Body<N extends RouteName> = BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> };
export type CallOptions<N extends RouteName> = Params<N> & Query<N> & Body<N> & { signal?: AbortSignal };

/** The value of a readable cookie. */
export function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** The URL of a route, for links (downloads) and event streams. */
export function urlOf<N extends RouteName>(name: N, params: ParamsOf<N>, query?: QueryOf<N>): string {
  return pathOf(routes[name].path, params as Record<string, string>) + queryString(query as Record<string, QueryValue> | undefined);
}

/** Listeners told when any call answers 401 (the session is gone). */
const unauthenticated = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticated.add(listener);
  return () => unauthenticated.delete(listener);
}

export async function call<N extends RouteName>(name: N, options: CallOptions<N>): Promise<ResponseOf<N>> {
  const route = routes[name];
  const o = options as { params?: Record<string, string>; query?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal };
  const url = pathOf(route.path, o.params ?? {}) + queryString(o.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (route.method !== 'GET') {
    const csrf = cookie('cl_csrf');
    if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  }
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method: route.method, headers, credentials: 'same-origin', signal: o.signal,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = errorOf(res.status, json);
    if (res.status === 401 && name !== 'signIn' && name !== 'me') unauthenticated.forEach((l) => l());
    throw err;
  }
  return json as ResponseOf<N>;
}

export function errorOf(status: number, json: unknown): ApiError {
  const e = (json as { error?: { code?: ApiErrorCode; message?: string; fields?: FieldError[] } } | undefined)?.error;
  if (e !== undefined && typeof e.message === 'string') return new ApiError(status, e.code ?? 'internal', e.message, e.fields ?? []);
  return new ApiError(status, status === 401 ? 'unauthenticated' : 'internal', `HTTP ${status}`);
}
