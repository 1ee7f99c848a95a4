/**
 * @module calc/start-calculation
 * Builds a Calculator from the non-activity part of a `calc` input (GWP set, input factors,
 * instruments, residual mixes) and the shipped reference data. Shared by the batch and stream runs.
 */
import { Calculator, FactorIndex, type ReferenceData } from '../../core/index.js';
import type { CalcContextInput } from './input-schema.js';
import { toFactor, toInstrument, toResidualMix } from './to-domain.js';

export function startCalculation(context: CalcContextInput, reference: ReferenceData): Calculator {
  return new Calculator({
    input: new FactorIndex(context.factors.map(toFactor)),
    library: reference.index,
    gwp: reference.gwpSets[context.gwp],
    instruments: context.instruments.map(toInstrument),
    residualMixes: context.residual_mix.map(toResidualMix),
  });
}
