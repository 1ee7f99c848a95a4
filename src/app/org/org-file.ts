/**
 * @module org/org-file
 * The org file (docs/org-file.md): one organisation with its entities, sites, business units and
 * metrics, in YAML or JSON. Every object is strict, so a misspelt optional key (`grid-region`) is
 * refused rather than silently ignored and replaced by a default.
 */
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { AppError } from '../app-error.js';
import { checkMetricPeriod, metricFields } from './metric-period.js';
import {
  checkSiteRegions, consolidation, country, currency, isoDate, ownershipPct, parseInput, siteFields, slug, text, yearStartMonth,
} from './org-input.js';

const flag = z.boolean({ error: (i) => (i.input === undefined ? 'is required' : 'must be true or false') });

const periodSchema = z.strictObject({
  from: isoDate,
  ownership_pct: ownershipPct,
  financial_control: flag,
  operational_control: flag,
});

const entitySchema = z.strictObject({
  name: text,
  country: country.optional(),
  periods: z.array(periodSchema).default([]),
}).superRefine((e, ctx) => duplicates(e.periods.map((p) => p.from), ctx, 'periods', 'from'));

const siteSchema = z.strictObject(siteFields).superRefine(checkSiteRegions);

const metricSchema = z.strictObject(metricFields).superRefine(checkMetricPeriod);

export const orgFileSchema = z.strictObject({
  slug,
  name: text,
  consolidation,
  year_start_month: yearStartMonth.optional(),
  currency: currency.optional(),
  entities: z.array(entitySchema).default([]),
  sites: z.array(siteSchema).default([]),
  business_units: z.array(text).default([]),
  metrics: z.array(metricSchema).default([]),
}).superRefine((f, ctx) => {
  duplicates(f.entities.map((e) => e.name), ctx, 'entities', 'name');
  duplicates(f.sites.map((s) => s.name), ctx, 'sites', 'name');
  duplicates(f.business_units, ctx, 'business_units');
  // Metrics are keyed by name and start; `year` and dates may only collide once resolved (apply).
  duplicates(f.metrics.map((m) => `${m.metric} ${m.year ?? m.period_start}`), ctx, 'metrics', 'metric');
});

export type OrgFile = z.output<typeof orgFileSchema>;

/** Names must be unique: a second row would silently overwrite the first. */
function duplicates(keys: readonly string[], ctx: z.RefinementCtx, list: string, field?: string): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: field === undefined ? [list, i] : [list, i, field], message: `"${k}" appears twice` });
    seen.add(k);
  });
}

/** Parses YAML or JSON (JSON is YAML) and validates it; errors start with `name`. */
export function parseOrgFile(source: string, name: string): OrgFile {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch (e) {
    if (e instanceof YAMLParseError) throw new AppError('invalid_input', `${name}: not valid YAML or JSON: ${e.message.split('\n')[0]}`);
    throw e;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new AppError('invalid_input', `${name}: must be a mapping with slug, name, consolidation… (see docs/org-file.md)`);
  }
  return parseInput(orgFileSchema, doc, name);
}
