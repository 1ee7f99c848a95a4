/**
 * @module api/schemas
 * Request and response bodies of the HTTP API as zod schemas. The server validates requests with
 * them and checks its responses against them (in tests); the OpenAPI document and the web app's
 * typed client are derived from them. Request bodies reuse the application's own input schemas,
 * so a field is refused with the same words in the CLI, the org file and the API.
 */
import { z } from 'zod';
import { INSTRUMENT_CRITERIA, type InstrumentResult } from '../core/index.js';
import { ROLES, TOKEN_SCOPES } from '../app/access/permissions.js';
import { calcInputSchema } from '../app/calc/input-schema.js';
import { IMPORT_KINDS } from '../app/import/canonical-fields.js';
import { IMPORT_EXTENSIONS_TEXT, sourceFormatOf } from '../app/import/file-types.js';
import { mappingSchema } from '../app/import/mapping-schema.js';
import { PROBLEM_CODES } from '../app/import/problems.js';
import { CONSOLIDATION_APPROACHES } from '../app/ledger/model.js';
import { REPORT_LANGUAGES } from '../app/report/report-labels.js';
import { reportNoticeSchema } from '../app/report/report-notices.js';
import { recordCheckSchema } from '../app/ledger/record-checks.js';
import { recordFormulaSchema } from '../app/ledger/record-formula.js';
import { versionCauseSchema } from '../app/ledger/version-cause.js';
import { addBusinessUnitInput } from '../app/org/add-business-unit.js';
import { addSiteInput } from '../app/org/add-site.js';
import { createOrganisationInput } from '../app/org/create-organisation.js';
import { setEntityInput } from '../app/org/set-entity.js';
import { updateOrganisationInput } from '../app/org/update-organisation.js';

/** A database id in a path or a flag: a whole number, written plainly (no sign, exponent, hex or leading zeros). */
export const pathId = z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a whole number id').transform(Number);
export const idParams = z.object({ id: pathId });
export const orgIdParams = z.object({ org: z.string(), id: pathId });
export const orgBatchParams = z.object({ org: z.string(), batch: pathId });

// ── accounts ────────────────────────────────────────────────────────────────────────────────────

const email = z.email('must be an e-mail address').max(254).transform((e) => e.toLowerCase());

/** Rows per page, 1 to `max` (default 50), refused in words. */
const pageSize = (max: number) => {
  const words = `must be a whole number from 1 to ${max}`;
  return z.coerce.number({ error: words }).int(words).min(1, words).max(max, words).default(50);
};
export const signUpBody = z.object({
  email,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  password: z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters'),
});
export const signInBody = z.object({ email, password: z.string().min(1, 'is required').max(200) });

export const membershipSchema = z.object({
  org: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** data_owner only: the business units whose data the member may write. */
  business_units: z.array(z.string()),
});
export const meSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string() }),
  memberships: z.array(membershipSchema),
});

export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  org: z.string().nullable().describe('the organisation the token may act on; null = stateless calculation only'),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'give at least one scope'),
});
export const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  org: z.string().nullable(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) });
/** The secret is in this response only; the server keeps its hash. */
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });

// ── organisations ───────────────────────────────────────────────────────────────────────────────
export const orgSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  consolidation: z.enum(CONSOLIDATION_APPROACHES),
  year_start_month: z.number(),
  currency: z.string(),
});
export const orgListSchema = z.object({ organisations: z.array(orgSummarySchema.extend({ role: z.enum(ROLES) })) });
export const orgDescriptionSchema = orgSummarySchema.extend({
  as_of: z.string(),
  entities: z.array(z.object({
    name: z.string(),
    country: z.string().nullable(),
    periods: z.array(z.object({ from: z.string(), ownership_pct: z.number(), financial_control: z.boolean(), operational_control: z.boolean() })),
    share: z.number(),
    share_reason: z.string(),
  })),
  sites: z.array(z.object({
    name: z.string(), entity: z.string(), country: z.string(), grid_region: z.string(), market: z.string(),
    grid_factor_region: z.string().nullable().describe('the region whose electricity.grid factor the site takes: its grid_region, one above it, or null when the library has none'),
  })),
  business_units: z.array(z.string()),
  metrics: z.array(z.object({ metric: z.string(), year: z.string().nullable(), period_start: z.string(), period_end: z.string(), value: z.number(), unit: z.string() })),
});
export { addBusinessUnitInput, addSiteInput, createOrganisationInput, setEntityInput, updateOrganisationInput };

export const memberSchema = z.object({ email: z.string(), name: z.string(), role: z.enum(ROLES), business_units: z.array(z.string()) });
export const memberListSchema = z.object({ members: z.array(memberSchema) });
export const addMemberBody = z.object({
  email,
  role: z.enum(ROLES),
  business_units: z.array(z.string()).default([]),
}).refine((m) => m.role !== 'data_owner' || m.business_units.length > 0, { message: 'a data owner needs at least one business unit', path: ['business_units'] });

// ── data ────────────────────────────────────────────────────────────────────────────────────────
export const mappingListSchema = z.object({
  mappings: z.array(z.object({ name: z.string(), builtin: z.boolean(), kind: z.enum(IMPORT_KINDS).nullable(), description: z.string().nullable() })),
});

export const importBody = z.object({
  file_name: z.string().refine((name) => sourceFormatOf(name) !== null, `must end in ${IMPORT_EXTENSIONS_TEXT} (docs/import.md)`),
  content_base64: z.base64('must be the file\'s bytes in base64').max(200 * 1024 * 1024, 'must be at most 150 MB of file'),
  /** A saved or built-in mapping's name, or a mapping defined inline (the wizard's column map). */
  mapping: z.union([z.string(), mappingSchema]).default('canonical'),
  kind: z.enum(IMPORT_KINDS).optional(),
  quarantine: z.boolean().default(false),
  allow_repeats: z.boolean().default(false).describe('take activity rows whose source_id the ledger holds already from another import, or an earlier row of the file gave'),
  /** Validate every row and report errors without writing anything. */
  dry_run: z.boolean().default(false),
});
/** What is wrong with a field: the English message, and for a known problem its code and values (docs/api.md). */
const fieldErrorShape = {
  field: z.string(), message: z.string(),
  code: z.enum(PROBLEM_CODES).optional().describe('the problem, for a client that words it in its own language (src/app/import/problems.ts)'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('the values the message words, by name'),
  column: z.string().optional().describe('the file\'s own column the field was read from, when it is not named like the field'),
};
export const rowErrorSchema = z.object({ file: z.string(), row: z.number(), label: z.string(), ...fieldErrorShape });
export const importResultSchema = z.object({
  status: z.enum(['imported', 'duplicate', 'rejected', 'valid']),
  batch_id: z.number().nullable(),
  file: z.string(),
  content_hash: z.string(),
  kind: z.enum(IMPORT_KINDS),
  rows_total: z.number(),
  rows_imported: z.number(),
  rows_quarantined: z.number(),
  error_count: z.number(),
  errors: z.array(rowErrorSchema),
  calc_version: z.number().nullable(),
});
export const importJobSchema = z.object({ job_id: z.string() });
export const saveMappingBody = mappingSchema;
export const savedMappingSchema = z.object({ name: z.string(), mapping: mappingSchema });
export const recalculateBody = z.object({
  reason: z.string().trim().min(1, 'say why (it is recorded on the version)').max(500),
  /** Default: the latest version's GWP set, else AR5. */
  gwp: z.enum(['AR4', 'AR5', 'AR6']).optional(),
});
const english = { reason: z.string().describe('the same in English') };
/** The Scope 2 quality criterion an instrument failed, with its values (core `InstrumentExclusion`). */
const instrumentExclusionSchema = z.discriminatedUnion('criterion', [
  z.object({ criterion: z.literal('retired'), ...english }).describe('not retired or cancelled in a tracking system'),
  z.object({ criterion: z.literal('unique_claim'), claim: z.enum(['id', 'serial']), value: z.string(), by: z.string(), ...english })
    .describe('its id or serial was claimed already, by instrument `by`'),
  z.object({ criterion: z.literal('market'), market: z.string(), ...english }).describe('no electricity consumption in its market'),
  z.object({ criterion: z.literal('vintage'), market: z.string(), vintage: z.number(), ...english }).describe('none in its market in its vintage year'),
  z.object({ criterion: z.literal('supplier'), supplier: z.string(), market: z.string(), vintage: z.number(), ...english })
    .describe('no consumption from its supplier left to cover'),
]) satisfies z.ZodType<NonNullable<InstrumentResult['excluded']>>; // kept in step with the core's type by the compiler
/** What a contractual instrument covered in a calculation, or the quality criterion it failed. */
const instrumentOutcomeSchema = z.object({
  id: z.string(), applied_mwh: z.number(), remaining_mwh: z.number().nullable(),
  excluded: z.union([instrumentExclusionSchema, z.object({ criterion: z.enum(INSTRUMENT_CRITERIA), reason: z.string() })
    .describe('a version made before the values were kept: the criterion and the English reason only')]).nullable(),
});
/** Why an instrument covered nothing, as the API gives it: with its values, or (a version made before they were kept) the English reason only. */
export type InstrumentExclusionJson = NonNullable<z.infer<typeof instrumentOutcomeSchema>['excluded']>;
export const versionListSchema = z.object({
  versions: z.array(z.object({
    id: z.number(), created_at: z.string(), reason: z.string(), cause: versionCauseSchema.nullable(), gwp: z.string(), consolidation: z.string(), records: z.number(),
    library_hash: z.string(), inputs_hash: z.string(), instruments: z.array(instrumentOutcomeSchema),
  })),
});
export const recalculatedSchema = z.object({ version_id: z.number(), records: z.number() });
const batchSchema = z.object({
  batch_id: z.number(), file_name: z.string(), content_hash: z.string(), kind: z.enum(['activities', 'instruments', 'metrics']), mapping: z.string(),
  rows_total: z.number(), rows_imported: z.number(), rows_quarantined: z.number(), imported_by: z.string(), imported_at: z.string(),
});
export const batchListSchema = z.object({ batches: z.array(batchSchema) });
export const quarantinedSchema = z.object({
  org: z.string(),
  batch: batchSchema,
  rows: z.array(z.object({
    row: z.number(),
    label: z.enum(['row', 'line', 'item']).describe('how the file numbers its rows: spreadsheet rows, NDJSON lines, JSON array items'),
    values: z.record(z.string(), z.unknown()).describe('the row as read, by the file\'s own column names'),
    errors: z.array(z.object(fieldErrorShape)),
    in_ledger: z.object({ batch_id: z.number(), row: z.number() }).nullable()
      .describe('the first record the ledger holds under the row\'s source_id (imported before, by the same batch, or since): nothing is left to fix, and the CSV of rows to fix leaves it out'),
  })),
});

const scope = z.coerce.number().int().min(1).max(3);
export const recordQuery = z.object({
  year: z.string().optional().describe('reporting year label (2024, FY2022); default: all'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').optional(),
  scope: scope.optional(),
  category: z.coerce.number().int().min(1).max(15).optional(),
  entity: z.string().optional(),
  site: z.string().optional(),
  business_unit: z.string().optional(),
  after: z.coerce.number().int().min(0).optional().describe('keyset cursor: the last record_id of the previous page'),
  limit: pageSize(500),
});
export const recordRowSchema = z.object({
  record_id: z.number(),
  period_start: z.string(),
  period_end: z.string(),
  entity: z.string(),
  site: z.string(),
  business_unit: z.string().nullable(),
  scope: z.number(),
  category: z.number().nullable(),
  activity: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  factor_id: z.string().nullable(),
  co2e_kg: z.number().nullable(),
  market_co2e_kg: z.number().nullable(),
  file: z.string(),
  row_number: z.number(),
});
export const recordPageSchema = z.object({ records: z.array(recordRowSchema), next_after: z.number().nullable() });

export const recordTraceSchema = z.object({
  record_id: z.number(),
  organisation: z.string(),
  input: z.record(z.string(), z.unknown()),
  calculation_version: z.object({ id: z.number(), created_at: z.string(), gwp: z.string(), library_hash: z.string(), reason: z.string(), cause: versionCauseSchema.nullable() }).nullable(),
  result: z.object({
    co2e_kg: z.number(), market_co2e_kg: z.number().nullable(), biogenic_co2_kg: z.number(), factor_id: z.string(),
    market_parts: z.array(z.object({
      step: z.enum(['certificate', 'ppa', 'supplier_rate', 'residual_mix', 'grid_average']), source: z.string(), mwh: z.number(), kg_co2e_per_mwh: z.number(),
    })).nullable(),
  }).nullable(),
  factor: z.lazy(() => factorSchema).nullable(),
  explanation: z.string().nullable().describe('the calculation in one English sentence (the engine\'s); formula is the same as data'),
  formula: recordFormulaSchema.nullable(),
  reported: z.object({
    approach: z.enum(CONSOLIDATION_APPROACHES), share: z.number(), reason: z.string(),
    co2e_kg: z.number().nullable(), market_co2e_kg: z.number().nullable(),
  }).describe('what the reports count of the record: its result × the entity\'s consolidation share in the record\'s month'),
  checks: z.array(recordCheckSchema).describe('what tracing the record found, as data (src/app/ledger/record-checks.ts)'),
});

// ── reports ─────────────────────────────────────────────────────────────────────────────────────
const calcVersion = z.coerce.number().int().positive().optional()
  .describe('an earlier calculation version of the organisation (default: the latest), to reproduce a figure published from it');
export const inventoryQuery = z.object({ year: z.string().optional(), calc_version: calcVersion });
export const traceQuery = z.object({ calc_version: calcVersion });
export const exportQuery = inventoryQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(REPORT_LANGUAGES).optional().describe('language of the labels; figures are the same in every language'),
});
const kgMap = z.record(z.string(), z.number());
export const totalsSchema = z.object({
  scope1_kg: z.number(), scope2_location_kg: z.number(), scope2_market_kg: z.number(), scope3_kg: z.number(),
  scope3_by_category_kg: kgMap, total_location_kg: z.number(), total_market_kg: z.number(), biogenic_co2_kg: z.number(),
  co2e_by_gas_kg: kgMap,
});
const breakdown = z.object({
  name: z.string(), scope1_kg: z.number(), scope2_location_kg: z.number(), scope2_market_kg: z.number(), scope3_kg: z.number(), total_market_kg: z.number(),
});
const valueWithUnit = z.record(z.string(), z.object({ value: z.number(), unit: z.string() }));
export const inventorySchema = z.object({
  org: z.object({ slug: z.string(), name: z.string() }),
  year: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  consolidation: z.enum(CONSOLIDATION_APPROACHES),
  calc_version: z.object({ id: z.number(), created_at: z.string(), gwp: z.string(), library_hash: z.string() }),
  instruments: z.array(instrumentOutcomeSchema),
  audit_head: z.object({ seq: z.number(), hash: z.string() }).nullable()
    .describe('the audit log\'s newest entry when the report was made: `audit verify` must still reach it'),
  totals: totalsSchema,
  scope3_methods_kg: z.record(z.string(), kgMap),
  supplier_specific_share_pct: z.number().nullable(),
  by_entity: z.array(breakdown),
  by_site: z.array(breakdown),
  by_business_unit: z.array(breakdown),
  by_month: z.array(breakdown),
  previous: totalsSchema.nullable(),
  coverage: z.object({ months: z.number().int(), previous_months: z.number().int().nullable(), same_months: z.boolean().nullable() })
    .describe('how many months of the year records start in, and of the previous year; same_months false: the changes compare unlike periods'),
  change_pct: z.record(z.string(), z.number().nullable()).nullable(),
  metrics: valueWithUnit,
  intensity: valueWithUnit,
  warnings: z.array(z.string()).describe('what the reader must be told beside the figures, in English (as the CLI prints it)'),
  notices: z.array(reportNoticeSchema).describe('the warnings as data, one for one (src/app/report/report-notices.ts), to word in the reader\'s language'),
});
export const yearsSchema = z.object({ years: z.array(z.string()) });

// ── factors and calculation ─────────────────────────────────────────────────────────────────────
export const factorQuery = z.object({
  q: z.string().default(''),
  region: z.string().optional(),
  year: z.coerce.number().int().optional(),
  limit: pageSize(200),
});
export const factorSchema = z.object({
  id: z.string(), name: z.string(), activity: z.string(), region: z.string(), year: z.number().nullable(), unit: z.string(),
  price_year: z.number().nullable(), gases_kg_per_unit: kgMap.nullable(), co2e_kg_per_unit_as_published: z.number().nullable(),
  gwp_basis: z.string().nullable(), kg_co2e_per_unit: z.number(), gwp: z.string(), biogenic_co2_kg_per_unit: z.number().nullable(),
  published_as: z.string().nullable(),
  dataset: z.object({ id: z.string(), name: z.string(), publisher: z.string(), version: z.string(), year: z.number(), licence: z.string(), url: z.string() }).nullable(),
});
export const factorListSchema = z.object({
  factors: z.array(factorSchema), total: z.number(),
  region_fallback: z.array(z.string()).nullable()
    .describe('when the library has no factor for the region asked itself: the regions of the factors listed instead (those it falls back to)'),
});
export { calcInputSchema as calculateBody };
export const calcOutputSchema = z.object({
  gwp: z.string(),
  results: z.array(z.object({
    id: z.string(), scope: z.number(), category: z.number().nullable(), method: z.string().nullable(), co2e_kg: z.number(),
    gases_kg: kgMap, market_co2e_kg: z.number().nullable(), biogenic_co2_kg: z.number(), factor: z.string(), explanation: z.string().optional(),
  })),
  instruments: z.array(instrumentOutcomeSchema),
  totals: totalsSchema.extend({ gases_kg: kgMap }),
  factors: z.record(z.string(), factorSchema),
});

export const auditQuery = z.object({
  before: z.coerce.number().int().min(1).optional().describe('keyset cursor: the seq of the oldest entry of the previous page'),
  limit: pageSize(500),
});
const changeSchema = z.object({ from: z.unknown(), to: z.unknown() });
export const auditPageSchema = z.object({
  org: z.string(),
  entries: z.array(z.object({
    seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), subject: z.string(),
    facts: z.array(z.union([
      z.object({ field: z.string(), value: z.string() }).describe('a column of an added row'),
      z.object({ field: z.string(), from: z.string(), to: z.string() }).describe('a changed column'),
    ])).describe('what the entry tells, by column (entity_id named by the entity); `summary` says it in English'),
    summary: z.string(),
    detail: z.object({ row: z.record(z.string(), z.unknown()).optional(), changed: z.record(z.string(), changeSchema).optional() }),
    detail_text: z.string().describe('the detail as hashed: PostgreSQL\'s text form of the jsonb value (docs/audit-log.md)'),
    prev_hash: z.string(), hash: z.string(),
  })),
  next_before: z.number().nullable(),
});
/** `SEQ:HASH`, as `audit verify` prints a head and a report's `audit_head` gives it. */
export const keptHead = z.string().regex(/^[1-9][0-9]{0,14}:[0-9a-f]{64}$/, 'must be SEQ:HASH (an entry number and its 64-digit sha256)')
  .transform((v) => ({ seq: Number(v.split(':')[0]), hash: v.split(':')[1] ?? '' }));
export const auditVerifyQuery = z.object({
  head: keptHead.optional().describe('a head kept from earlier (SEQ:HASH, e.g. from a published report): the check also says whether the chain still reaches it'),
});
export const auditCheckSchema = z.object({
  org: z.string(),
  entries: z.number(),
  intact: z.boolean(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  intact_until: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  kept_head: z.object({ seq: z.number(), hash: z.string(), reached: z.boolean(), problem: z.string().nullable() }).nullable(),
  ok: z.boolean(),
  broken: z.object({ seq: z.number(), fault: z.enum(['missing', 'out_of_order', 'link', 'content']), problem: z.string() }).nullable(),
});
