/**
 * @module org/org-input
 * The fields of the organisation model as zod schemas, shared by the use cases and the org file so
 * that a value is refused with the same words wherever it comes from. Field names are those of the
 * org file (snake_case); an error names the field by its path, e.g. `sites[2].grid_region`.
 */
import { z } from 'zod';
import { isRegionCode, isWithin } from '../../core/index.js';
import { AppError } from '../app-error.js';
import '../input-messages.js';
import { CONSOLIDATION_APPROACHES, type Organisation } from '../ledger/model.js';
import { countryCodeProblem } from './country-codes.js';
import type { OrgStore } from './org-store.js';

/** zod's own message for a missing field reads "expected string, received undefined". */
const typed = (what: string) => ({ error: (i: { input?: unknown }) => (i.input === undefined ? 'is required' : `must be ${what}`) });

export const text = z.string(typed('text')).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The database allows 63 characters (a slug may become a schema or host name later). */
export const slug = z.string(typed('text')).max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, starting with a letter or digit (e.g. acme-corp)');

export const consolidation = z.enum(CONSOLIDATION_APPROACHES, typed(`one of ${CONSOLIDATION_APPROACHES.join(', ')}`));

export const yearStartMonth = z.number(typed('a month number 1–12')).int('must be a whole month number 1–12')
  .min(1, 'must be a month number 1–12 (1 = calendar years)').max(12, 'must be a month number 1–12 (1 = calendar years)');

export const currency = z.string(typed('text')).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code in upper case, like USD');

export const country = z.string(typed('text')).superRefine((c, ctx) => {
  const problem = countryCodeProblem(c);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

export const region = z.string(typed('text'))
  .refine(isRegionCode, 'must be a region code in upper case: a country like US or a sub-region like US-RFCE');

export const isoDate = z.string(typed('a date YYYY-MM-DD')).refine(isIsoDate, 'must be a date YYYY-MM-DD');

export const ownershipPct = z.number(typed('a percentage 0–100')).min(0, 'must be a percentage 0–100').max(100, 'must be a percentage 0–100');

export const metricName = z.string(typed('text'))
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores, like revenue or floor_area');

export const metricValue = z.number(typed('a number')).nonnegative('must not be negative (metrics are denominators of intensities)');

export const unitText = z.string(typed('text')).trim().min(1, 'must not be empty').max(20, 'must be at most 20 characters');

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

interface SiteRegions {
  readonly country: string;
  readonly grid_region?: string | undefined;
  readonly market?: string | undefined;
}

/** A site's fields, shared by `org site` and the org file (which refuses unknown keys). */
export const siteFields = {
  name: text,
  entity: text,
  country,
  grid_region: region.optional(),
  market: region.optional(),
};

/**
 * Grid sub-region and market must lie in the site's country: location-based factors are chosen by
 * the grid region and market-based instruments are matched on the market, so a site in VN with a
 * US grid region would silently take US factors.
 */
export function checkSiteRegions(site: SiteRegions, ctx: z.RefinementCtx): void {
  for (const field of ['grid_region', 'market'] as const) {
    const code = site[field];
    if (code !== undefined && isRegionCode(code) && !isWithin(code, site.country)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `"${code}" is not within the site's country ${site.country} (give ${site.country} or a sub-region like ${site.country}-…)` });
    }
  }
}

/** `['sites', 2, 'grid_region']` → `sites[2].grid_region`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Parses or throws `invalid_input` naming the first bad field (and the file, when given). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where?: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  // Every problem at once (up to five), so that one try fixes them all.
  const said = r.error.issues.slice(0, 5).map((issue) => {
    const path = formatPath(issue.path);
    return `${path === '' ? '' : `${path}: `}${issue.message}`;
  });
  const more = r.error.issues.length > said.length ? ` (and ${r.error.issues.length - said.length} more)` : '';
  throw new AppError('invalid_input', `${where === undefined ? '' : `${where}: `}${said.join('; ')}${more}`);
}

export async function requireOrg(store: OrgStore, orgSlug: string): Promise<Organisation> {
  const org = await store.findOrg(orgSlug);
  if (org === null) throw new AppError('not_found', `no organisation "${orgSlug}" (see: carbon-ledger org list)`);
  return org;
}
