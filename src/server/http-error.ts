/**
 * @module server/http-error
 * Every failure leaves the API in one shape (src/api/errors.ts): application errors by their
 * code (with the field an application error names), zod failures as invalid_input with each field, the web framework's own errors (body too
 * large, malformed JSON, rate limit) by their meaning, anything else as internal.
 */
import { ZodError } from 'zod';
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode } from '../api/errors.js';
import { AppError } from '../app/app-error.js';

/** An error raised by the HTTP edge itself (CSRF, authentication, access). */
export class HttpError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
  }
}

export interface ErrorReply {
  readonly status: number;
  readonly body: ApiErrorBody;
}

const reply = (code: ApiErrorCode, message: string, fields?: ApiErrorBody['error']['fields']): ErrorReply => ({
  status: API_ERROR_CODES[code].status,
  body: { error: fields === undefined ? { code, message } : { code, message, fields } },
});

export function zodFields(e: ZodError, prefix = ''): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: prefix + i.path.map(String).join('.'), message: i.message }));
}

/** `errorReply`, with a fault (5xx) written to the log under its reference. */
export function failureReply(e: unknown, reference: string, log: (message: string, e: unknown) => void = (m, err) => console.error(m, err)): ErrorReply {
  const r = errorReply(e, reference);
  if (r.status >= 500) log(`[${reference}] request failed`, e);
  return r;
}

export function errorReply(e: unknown, reference: string): ErrorReply {
  if (e instanceof HttpError) return reply(e.code, e.message);
  if (e instanceof AppError) return reply(e.code, e.message, e.fieldProblem === undefined ? undefined : [e.fieldProblem]);
  if (e instanceof ZodError) {
    const fields = zodFields(e);
    return reply('invalid_input', fields.map((f) => (f.path === '' ? f.message : `${f.path}: ${f.message}`)).join('; '), fields);
  }
  const status = (e as { statusCode?: number }).statusCode;
  if (status === 429) return reply('rate_limited', 'too many attempts; wait a minute and try again');
  if (status === 413) return { ...reply('invalid_input', 'the request body is too large'), status };
  if (status === 415) return { ...reply('invalid_input', 'send the body as application/json'), status };
  if (status !== undefined && status >= 400 && status < 500) return reply('invalid_input', (e as Error).message);
  return reply('internal', `internal error (reference ${reference}); the server log has the details`);
}
