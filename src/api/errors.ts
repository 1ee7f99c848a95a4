/**
 * @module api/errors
 * The one error shape of the HTTP API, with a closed set of stable codes. Every non-2xx response
 * has this body; clients switch on `code`, people read `message`, forms use `fields`.
 */
import { z } from 'zod';

export const API_ERROR_CODES = {
  invalid_input: { status: 400, meaning: 'The request does not follow its schema; `fields` names each bad field.' },
  calculation: { status: 422, meaning: 'A line could not be calculated (unknown factor, units that do not convert…).' },
  unauthenticated: { status: 401, meaning: 'No valid session cookie or API token.' },
  csrf: { status: 403, meaning: 'A mutating request with a session cookie lacks the matching x-csrf-token header.' },
  forbidden: { status: 403, meaning: 'Signed in, but the role (or token scope) does not allow this.' },
  not_found: { status: 404, meaning: 'The thing named does not exist, or is not visible to you.' },
  conflict: { status: 409, meaning: 'The thing to create exists already.' },
  rate_limited: { status: 429, meaning: 'Too many attempts; retry after the Retry-After header.' },
  internal: { status: 500, meaning: 'A fault on our side; the message carries a reference to the log.' },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
