/**
 * @module app/input-messages
 * The words of a refused input field where its schema gives none: zod's defaults ("Too big:
 * expected number to be <=3", "Unrecognized key: …") said as the rest of the product says things
 * ("must be at most 3", "unknown field \"grid-region\""). Installed once for the process by
 * importing this module (zod's configuration is global); every edge that validates input imports
 * it: the use cases' `parseInput` (org/org-input.ts) and the HTTP API's request checks (server/mount.ts).
 * A schema's own message still comes first.
 */
import { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const KINDS: Readonly<Record<string, string>> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object (field: value, …)',
  array: 'a list', date: 'a date', bigint: 'a whole number',
};

const FORMATS: Readonly<Record<string, string>> = {
  email: 'an e-mail address', url: 'a URL', date: 'a date YYYY-MM-DD', datetime: 'a date and time (ISO 8601, e.g. 2024-07-01T09:30:00Z)', uuid: 'a UUID',
};

const SIZED: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items', map: 'entries' };

/** A value as an error quotes it: text in quotes, cut at 40 characters. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
}

const listOf = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? v : String(v))).join(', ');

function bound(issue: { readonly origin?: string; readonly inclusive?: boolean; readonly exact?: boolean }, value: number | bigint, most: boolean): string {
  const unit = issue.origin === undefined ? undefined : SIZED[issue.origin];
  const how = issue.exact === true ? 'exactly' : issue.inclusive === false ? (most ? 'less than' : 'more than') : (most ? 'at most' : 'at least');
  if (unit === undefined) return `must be ${how} ${value}`;
  if (!most && value === 1 && issue.exact !== true) return issue.origin === 'string' ? 'must not be empty' : 'must hold at least one item';
  return `must ${issue.origin === 'string' ? 'be' : 'hold'} ${how} ${value} ${unit}`;
}

/** The product's words for an issue, or undefined for zod's own. */
export function inputMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const kind = KINDS[issue.expected] ?? issue.expected;
      return typeof issue.input === 'object' && issue.input !== null ? `must be ${kind}` : `must be ${kind} (not ${quoted(issue.input)})`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values[0])}` : `must be one of: ${listOf(issue.values)}`;
    case 'too_big':
      return bound(issue, issue.maximum, true);
    case 'too_small':
      return bound(issue, issue.minimum, false);
    case 'invalid_format': {
      const format = FORMATS[issue.format];
      if (format !== undefined) return `must be ${format}`;
      return issue.format === 'regex' && 'pattern' in issue ? `must match the pattern ${String(issue.pattern)}` : undefined;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? (issue.options as unknown[]) : [];
      return options.length > 0 ? `must be one of: ${listOf(options)}` : 'matches none of the accepted forms';
    }
    default:
      return undefined;
  }
}

z.config({ customError: inputMessage });
