/**
 * @module import/mapping-schema
 * A mapping turns a source file's columns into canonical ones (docs/import.md). It is data — saved
 * per organisation as JSON or built in — so it is validated with zod wherever it comes from.
 */
import { z } from 'zod';
import { AppError } from '../app-error.js';
import { IMPORT_KINDS } from './canonical-fields.js';

const constant = z.union([z.string(), z.number(), z.boolean()]);
/** `text {Source column} more {Other column|slug}` — see `compile-mapping.ts`. */
const template = z.string();

export const mappingSchema = z.strictObject({
  description: z.string().optional(),
  /** The kind of rows the mapping produces; absent = whichever kind is imported. */
  kind: z.enum(IMPORT_KINDS).optional(),
  /** Source column → canonical field. Columns already named canonically map to themselves. */
  columns: z.record(z.string(), z.string()).default({}),
  /** Canonical field → value used when the row gives none. */
  constants: z.record(z.string(), constant).default({}),
  /** Canonical field → template over source columns. */
  templates: z.record(z.string(), template).default({}),
  /** Canonical field → value looked up from a source column (case-insensitive); `otherwise` is a template. */
  lookups: z.record(z.string(), z.strictObject({
    column: z.string(),
    values: z.record(z.string(), z.string()),
    otherwise: template.optional(),
  })).default({}),
  /** When the source column `when` is not blank, these templates replace the field's other sources. */
  overrides: z.array(z.strictObject({ when: z.string(), set: z.record(z.string(), template) })).default([]),
  /** Numeric canonical field → multiplier applied to the value read (e.g. Wh → kWh: 0.001). */
  scale: z.record(z.string(), z.number().refine((n) => n !== 0, 'a scale of 0 would erase the data')).default({}),
  /** The source's end date is the last day covered (bills); canonical period_end is exclusive. */
  period_end_inclusive: z.boolean().default(false),
  /** `error`: a column the mapping does not use is refused (catches typos in canonical files). */
  extra_columns: z.enum(['ignore', 'error']).default('ignore'),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

/** Parses a mapping definition; the message names the mapping and the offending key. */
export function parseMapping(name: string, definition: unknown): Mapping {
  const parsed = mappingSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at "${issue.path.join('.')}"`;
  throw new AppError('invalid_input', `mapping "${name}"${where}: ${issue?.message ?? 'invalid'}`);
}

/** A named, validated mapping ready to compile. */
export interface NamedMapping {
  readonly name: string;
  readonly mapping: Mapping;
}
