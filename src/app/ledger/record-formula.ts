/**
 * @module ledger/record-formula
 * A record's calculation as data: quantity × conversion × factor (its gases × GWP, or CO2e as
 * published) = result, and the notes beside it (price year assumed, biogenic CO2, the
 * market-based figure). The engine's `explain` says the same in one English sentence for the CLI
 * and scripts; the web app words this in the reader's language. The schema is the API's (a record
 * trace's `formula`).
 */
import { z } from 'zod';
import { assumedPriceYear, gasTerms, roundKg, type GwpSet, type LineResult } from '../../core/index.js';

export const recordFormulaSchema = z.object({
  quantity: z.number(),
  unit: z.string(),
  conversion: z.object({ per_unit: z.number(), amount: z.number() }).nullable()
    .describe('the quantity in the factor\'s unit: quantity × per_unit (factor unit per input unit) = amount; null when the units are the same'),
  factor_unit: z.string(),
  gases: z.array(z.object({ species: z.string(), kg: z.number(), gwp: z.number() }))
    .describe('the factor\'s kg of each gas per factor unit and its GWP; empty for a factor published as CO2e'),
  published_co2e: z.boolean().describe('the factor is published as kg CO2e per unit, already weighted (gwp_basis)'),
  gwp_basis: z.string().nullable(),
  gwp_set: z.string(),
  kg_co2e_per_unit: z.number(),
  co2e_kg: z.number(),
  selection: z.array(z.string()).describe('how the factor was chosen where the row did not name it exactly (English, from the engine)'),
  price_year_assumed: z.number().nullable().describe('a spend row without a price year: the factor\'s, with no inflation adjustment'),
  biogenic_co2_kg: z.number(),
  market: z.object({ co2e_kg: z.number(), note: z.string().nullable().describe('why the market-based figure has no parts (English, from the engine)') }).nullable()
    .describe('Scope 2: the market-based figure; its parts are the result\'s market_parts'),
});
export type RecordFormula = z.infer<typeof recordFormulaSchema>;

export function recordFormula(line: LineResult, gwp: GwpSet): RecordFormula {
  const f = line.factor;
  return {
    quantity: line.activity.quantity,
    unit: line.activity.unit,
    conversion: line.conversion === 1 ? null : { per_unit: line.conversion, amount: line.amount },
    factor_unit: f.unit,
    gases: gasTerms(f, gwp),
    published_co2e: f.co2e !== undefined,
    gwp_basis: f.co2e === undefined ? null : (f.gwpBasis ?? null),
    gwp_set: gwp.name,
    kg_co2e_per_unit: line.kgCo2ePerUnit,
    co2e_kg: roundKg(line.co2eKg),
    selection: [...line.fallbacks],
    price_year_assumed: assumedPriceYear(line),
    biogenic_co2_kg: roundKg(line.biogenicCo2Kg),
    market: line.marketCo2eKg === null ? null : { co2e_kg: roundKg(line.marketCo2eKg), note: line.marketNote },
  };
}
