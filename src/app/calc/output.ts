/**
 * @module calc/output
 * The `calc` output format (docs/calc-format.md): snake_case JSON, kg rounded to whole grams.
 */
import { explain, gramsToKgText, lineGasesKg, roundKg, toGrams, type EmissionFactor, type GwpSet, type InstrumentResult, type LineResult, type Totals } from '../../core/index.js';
import { factorSummary, type FactorSummary } from '../factors/factor-summary.js';

export interface LineOutput {
  readonly id: string;
  readonly scope: 1 | 2 | 3;
  readonly category: number | null;
  readonly method: string | null;
  readonly co2e_kg: number;
  readonly gases_kg: Readonly<Record<string, number>>;
  readonly market_co2e_kg: number | null;
  readonly biogenic_co2_kg: number;
  readonly factor: string;
  /** Always in document output; in NDJSON output only when asked for (`--explain`). */
  readonly explanation?: string;
}

export interface InstrumentOutput {
  readonly id: string;
  readonly applied_mwh: number;
  readonly remaining_mwh: number | null;
  readonly excluded: InstrumentResult['excluded'];
}

export interface CalcOutput {
  readonly gwp: string;
  readonly results: readonly LineOutput[];
  readonly instruments: readonly InstrumentOutput[];
  readonly totals: Totals;
  /** Every factor used, with its full citation, keyed by id. */
  readonly factors: Readonly<Record<string, FactorSummary>>;
}

/** Collects the factors lines used, for the output's `factors` section (bounded by distinct factors). */
export class FactorsUsed {
  private readonly used = new Map<string, EmissionFactor>();

  add(line: LineResult): void {
    if (!this.used.has(line.factor.id)) this.used.set(line.factor.id, line.factor);
  }

  summaries(gwp: GwpSet): Record<string, FactorSummary> {
    const out: Record<string, FactorSummary> = {};
    for (const id of [...this.used.keys()].sort()) out[id] = factorSummary(this.used.get(id) as EmissionFactor, gwp);
    return out;
  }
}

/** MWh are kept to 1 kWh. */
const roundMwh = (mwh: number): number => Math.round(mwh * 1000) / 1000;

export function lineOutput(line: LineResult, gwp: GwpSet, withExplanation = true): LineOutput {
  const gases: Record<string, number> = {};
  const raw = lineGasesKg(line);
  for (const species of Object.keys(raw)) gases[species] = roundKg(raw[species] ?? 0);
  return {
    id: line.activity.id,
    scope: line.activity.scope,
    category: line.activity.category,
    method: line.method,
    co2e_kg: roundKg(line.co2eKg),
    gases_kg: gases,
    market_co2e_kg: line.marketCo2eKg === null ? null : roundKg(line.marketCo2eKg),
    biogenic_co2_kg: roundKg(line.biogenicCo2Kg),
    factor: line.factor.id,
    ...(withExplanation ? { explanation: explain(line, gwp) } : {}),
  };
}

/**
 * `JSON.stringify(lineOutput(line, gwp, withExplanation))`, written directly: the NDJSON path
 * serialises a line per result and skipping the intermediate objects halves its cost. A test
 * checks the two agree byte for byte.
 */
export function lineJson(line: LineResult, gwp: GwpSet, withExplanation: boolean): string {
  const a = line.activity;
  const f = factorJsonParts(line.factor);
  let gases = '';
  for (let i = 0; i < f.gasKeys.length; i++) {
    gases += `${i === 0 ? '' : ','}${f.gasKeys[i]}${kgText(line.amount * (f.gasPerUnit[i] as number))}`;
  }
  const market = line.marketCo2eKg === null ? 'null' : kgText(line.marketCo2eKg);
  const method = line.method === null ? 'null' : `"${line.method}"`;
  const explanation = withExplanation ? `,"explanation":${JSON.stringify(explain(line, gwp))}` : '';
  return `{"id":${JSON.stringify(a.id)},"scope":${a.scope},"category":${a.category},"method":${method},` +
    `"co2e_kg":${kgText(line.co2eKg)},"gases_kg":{${gases}},"market_co2e_kg":${market},` +
    `"biogenic_co2_kg":${kgText(line.biogenicCo2Kg)},"factor":${f.id}${explanation}}`;
}

const kgText = (kg: number): string => gramsToKgText(toGrams(kg));

interface FactorJsonParts {
  readonly id: string;
  readonly gasKeys: readonly string[];
  readonly gasPerUnit: readonly number[];
}

const factorParts = new WeakMap<EmissionFactor, FactorJsonParts>();

function factorJsonParts(f: EmissionFactor): FactorJsonParts {
  let parts = factorParts.get(f);
  if (parts === undefined) {
    const gases = Object.entries(f.gases ?? {});
    parts = { id: JSON.stringify(f.id), gasKeys: gases.map(([k]) => `${JSON.stringify(k)}:`), gasPerUnit: gases.map(([, v]) => v) };
    factorParts.set(f, parts);
  }
  return parts;
}

export function instrumentOutput(i: InstrumentResult): InstrumentOutput {
  return {
    id: i.id,
    applied_mwh: roundMwh(i.appliedMwh),
    remaining_mwh: i.remainingMwh === null ? null : roundMwh(i.remainingMwh),
    excluded: i.excluded,
  };
}
