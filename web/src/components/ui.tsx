/** Small shared pieces: form fields with their errors, error and loading messages. */
import { useId, type ReactNode, type SelectHTMLAttributes, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../src/api/errors.js';
import { ApiError } from '../api/client.js';

/** What kind of refusal each error code is, in the active language (the server's own words follow). */
const HEADLINES: Readonly<Record<ApiErrorCode | 'network', string>> = {
  network: 'error.network', forbidden: 'error.forbidden', not_found: 'error.notFound', invalid_input: 'error.invalidInput',
  calculation: 'error.calculation', conflict: 'error.conflict', unauthenticated: 'error.unauthenticated', csrf: 'error.csrf',
  rate_limited: 'error.rateLimited', internal: 'error.generic',
};

/** An error: what kind it is, translated, then the server's message, which names what and where. */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const api = error instanceof ApiError ? error : null;
  const text = t(api === null ? 'error.generic' : HEADLINES[api.code]);
  const detail = api === null || api.code === 'network' ? '' : api.message;
  const fields = api?.fields ?? [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{text}</p>
      {detail !== '' && <p className="small" data-testid="error-detail">{detail}</p>}
      {fields.length > 1 && (
        <ul>{fields.map((f) => <li key={f.path}><code>{f.path}</code>: {f.message}</li>)}</ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint !== undefined ? `${id}-hint` : '', error !== undefined ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {hint !== undefined && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error !== undefined && <p className="field-error" id={`${id}-err`}>{error}</p>}
    </div>
  );
}

export function TextField(props: { readonly label: string; readonly error?: string | undefined; readonly hint?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const { label, error, hint, ...input } = props;
  return <Field label={label} error={error} hint={hint}>{(a) => <input {...input} {...a} />}</Field>;
}

export function SelectField(props: { readonly label: string; readonly error?: string | undefined; readonly hint?: string | undefined } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { label, error, hint, children, ...select } = props;
  return <Field label={label} error={error} hint={hint}>{(a) => <select {...select} {...a}>{children}</select>}</Field>;
}

/** The message of a form field from an error, if the error is an ApiError naming it. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.field(path) : undefined;
}
