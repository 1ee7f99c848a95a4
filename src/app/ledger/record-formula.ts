/**
 * @module ledger/record-formula
 * A record's calculation as data: quantity × conversion × factor (its gases × GWP, or CO2e as
 * published) = result, and the notes beside it (how the factor was chosen, price year assumed,
 * biogenic CO2, the market-based figure). The engine's `explain` says the same in one English
 * sentence for the CLI and scripts; the web app words this in the reader's language, the notes
 * from their `kind` and values (`text` is the engine's English). The schema is the API's (a record
 * trace's `formula`).
 */
import { z } from 'zod';
import {
  assumedPriceYear, fallbackText, gasTerms, marketNoteText, roundKg, SCOPE2_CARRIERS, type GwpSet, type LineResult, type MarketNote, type SelectionFallback,
} from '../../core/index.js';

const english = { text: z.string().describe('the same in English, as the engine\'s explanation says it') };

const selectionStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), activity: z.string(), region: z.string(), used: z.string(), ...english })
    .describe('no factor for the activity in `region`: `used`, the next region up its hierarchy'),
  z.object({ kind: z.literal('latest'), region: z.string(), used: z.number(), ...english })
    .describe('the record has no period: the latest year published for `region`'),
  z.object({ kind: z.literal('notAfter'), region: z.string(), year: z.number(), used: z.number(), ...english })
    .describe('no value for `year`: `used`, the latest year before it'),
  z.object({ kind: z.literal('earliest'), region: z.string(), year: z.number(), used: z.number(), ...english })
    .describe('nothing published for `year` or earlier: `used`, the earliest year published'),
]);

const marketNoteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notElectricity'), carrier: z.enum(SCOPE2_CARRIERS), ...english })
    .describe('instruments apply to electricity only'),
  z.object({ kind: z.literal('noMarket'), ...english }).describe('no market stated: no instrument or residual mix can apply'),
  z.object({ kind: z.literal('noPeriod'), ...english }).describe('no period stated: no vintage can match'),
]);

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
  selection: z.array(selectionStepSchema).describe('how the factor was chosen where the row did not name it exactly, step by step'),
  price_year_assumed: z.number().nullable().describe('a spend row without a price year: the factor\'s, with no inflation adjustment'),
  biogenic_co2_kg: z.number(),
  market: z.object({ co2e_kg: z.number(), note: marketNoteSchema.nullable().describe('why the market-based figure has no parts: it is the location-based one') }).nullable()
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
    selection: line.fallbacks.map(selectionStep),
    price_year_assumed: assumedPriceYear(line),
    biogenic_co2_kg: roundKg(line.biogenicCo2Kg),
    market: line.marketCo2eKg === null ? null : { co2e_kg: roundKg(line.marketCo2eKg), note: line.marketNote === null ? null : marketNote(line.marketNote) },
  };
}

const selectionStep = (f: SelectionFallback): z.infer<typeof selectionStepSchema> => ({ ...f, text: fallbackText(f) });

const marketNote = (n: MarketNote): z.infer<typeof marketNoteSchema> => ({ ...n, text: marketNoteText(n) });
