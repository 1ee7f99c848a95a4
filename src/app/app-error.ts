/**
 * @module app-error
 * The one error type of the application layer, with a closed set of codes. The CLI maps codes to
 * exit statuses and the HTTP API to status codes, at their edges.
 */

export const APP_ERROR_CODES = {
  invalid_input: 'The input does not follow its documented format; the message names where.',
  calculation: 'A line could not be calculated (unknown factor, units that do not convert…).',
  not_found: 'A named thing (factor, record, organisation) does not exist.',
  conflict: 'The thing to create exists already (an organisation slug in use…).',
  unauthenticated: 'Credentials are missing or wrong.',
  forbidden: 'The caller is known but its role or token scope does not allow this.',
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** The one input field an error is about, and what is wrong with it (a form shows it beside the field). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldProblem?: FieldProblem,
  ) {
    super(message);
  }

  /** An invalid_input error about one field: the message reads "path: detail", and the field is named apart. */
  static invalidField(path: string, detail: string): AppError {
    return new AppError('invalid_input', `${path}: ${detail}`, { path, message: detail });
  }
}
