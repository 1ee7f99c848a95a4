/**
 * @module calc/input-schema
 * The `calc` input format (docs/calc-format.md) as zod schemas. Extra fields are allowed and ignored.
 */
import { z } from 'zod';
import { GWP_SET_NAMES, INSTRUMENT_KINDS, SCOPE2_CARRIERS, SCOPE3_METHODS } from '../../core/index.js';

/** Ids may be strings or numbers in the input; the domain turns them into strings. */
const id = z.union([z.string().min(1), z.number()]);
/** zod 4 numbers are finite: Infinity and NaN are refused. */
const finite = z.number();
const year = z.number().int().min(1900).max(2200);
/** `2024`, `"2024"`, `"2024-03"`, `"2024-03-15"`: the form is checked where it becomes a year (to-domain). */
const period = z.union([z.number(), z.string()]);

export const factorInputSchema = z
  .looseObject({
    id,
    unit: z.string(),
    name: z.string().optional(),
    co2e: finite.nonnegative().optional(),
    co2e_unit: z.string().optional(),
    gases: z.record(z.string(), finite.nonnegative()).optional(),
    gas_unit: z.string().optional(),
    biogenic_co2: finite.nonnegative().optional(),
    activity: z.string().optional(),
    region: z.string().optional(),
    year: year.optional(),
    price_year: year.optional(),
    method: z.enum(SCOPE3_METHODS).optional(),
  })
  .refine((f) => (f.co2e === undefined) !== (f.gases === undefined), { message: 'give either co2e or gases', path: ['co2e'] })
  .refine((f) => f.co2e === undefined || f.co2e_unit !== undefined, { message: 'co2e needs co2e_unit (e.g. "kg")', path: ['co2e_unit'] })
  .refine((f) => f.gases === undefined || f.gas_unit !== undefined, { message: 'gases need gas_unit (e.g. "kg")', path: ['gas_unit'] });

/**
 * One activity line. Kept lean because it runs once per line of a stream: checks that need the
 * line as a whole (a Scope 3 category, the form of a period) are made in to-domain.
 */
export const activityInputSchema = z
  .object({
    id,
    scope: z.literal([1, 2, 3]),
    category: z.number().int().min(1).max(15).nullish(),
    method: z.enum(SCOPE3_METHODS).nullish(),
    quantity: finite,
    unit: z.string(),
    price_year: year.nullish(),
    factor: id.nullish(),
    activity: z.string().nullish(),
    region: z.string().nullish(),
    period: period.nullish(),
    market: z.string().nullish(),
    carrier: z.enum(SCOPE2_CARRIERS).nullish(),
    supplier: z.string().nullish(),
  });

export const instrumentInputSchema = z.looseObject({
  id,
  kind: z.enum(INSTRUMENT_KINDS),
  market: z.string(),
  quantity: finite.positive().nullish(),
  unit: z.string().nullish(),
  co2e: finite.nonnegative(),
  co2e_unit: z.string(),
  vintage: year,
  supplier: z.string().nullish(),
  retired: z.boolean().nullish(),
  serial: z.string().nullish(),
});

export const residualMixInputSchema = z.looseObject({
  market: z.string(),
  co2e: finite.nonnegative(),
  co2e_unit: z.string(),
  year: year.nullish(),
});

/** Everything except the activities: the side file of an NDJSON run. */
export const calcContextSchema = z.looseObject({
  gwp: z.enum(GWP_SET_NAMES).default('AR5'),
  factors: z.array(factorInputSchema).default([]),
  instruments: z.array(instrumentInputSchema).default([]),
  residual_mix: z.array(residualMixInputSchema).default([]),
});

export const calcInputSchema = calcContextSchema.extend({
  activities: z.array(activityInputSchema),
});

export type FactorInput = z.infer<typeof factorInputSchema>;
export type ActivityInput = z.infer<typeof activityInputSchema>;
export type InstrumentInput = z.infer<typeof instrumentInputSchema>;
export type ResidualMixInput = z.infer<typeof residualMixInputSchema>;
export type CalcContextInput = z.infer<typeof calcContextSchema>;
export type CalcInput = z.infer<typeof calcInputSchema>;
