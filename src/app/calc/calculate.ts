/**
 * @module calc/calculate
 * Use case: calculate a whole `calc` input document and return the whole output, or refuse it with
 * one AppError naming the item and field. No partial result is ever returned.
 *
 * @example
 * const out = calculate(JSON.parse(text), loadLibrary());
 * out.totals.total_market_kg
 */
import { CalcError, FactorSelectionError, type ReferenceData } from '../../core/index.js';
import { AppError } from '../app-error.js';
import { calcInputSchema, type CalcInput } from './input-schema.js';
import { FactorsUsed, instrumentOutput, lineOutput, type CalcOutput } from './output.js';
import { startCalculation } from './start-calculation.js';
import { describeZodError, toActivity } from './to-domain.js';

export function calculate(raw: unknown, reference: ReferenceData): CalcOutput {
  const parsed = calcInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', describeZodError(parsed.error, raw));
  return calculateInput(parsed.data, reference);
}

/** The same, for input already validated against `calcInputSchema` (the HTTP edge does). */
export function calculateInput(input: CalcInput, reference: ReferenceData): CalcOutput {
  const ids = new Set<string>();
  for (const a of input.activities) {
    const id = String(a.id);
    if (ids.has(id)) throw new AppError('invalid_input', `activity "${id}", field "id": the same id appears twice`);
    ids.add(id);
  }
  try {
    const calc = startCalculation(input, reference);
    const lines = input.activities.map((a) => calc.add(toActivity(a)));
    const { instruments, totals } = calc.finish();
    const used = new FactorsUsed();
    for (const l of lines) used.add(l);
    return {
      gwp: input.gwp,
      results: lines.map((l) => lineOutput(l, calc.gwp)),
      instruments: instruments.map(instrumentOutput),
      totals,
      factors: used.summaries(calc.gwp),
    };
  } catch (e) {
    throw asAppError(e);
  }
}

/** Core errors become AppErrors; anything else is a bug and passes through. */
export function asAppError(e: unknown): unknown {
  if (e instanceof CalcError) return new AppError('calculation', e.message);
  if (e instanceof FactorSelectionError) return new AppError('invalid_input', e.message);
  return e;
}
