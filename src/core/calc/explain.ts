/**
 * @module calc/explain
 * The sentence behind every number: quantity × conversion × factor × GWP = result, with units, the
 * factor's id, name, source and the figure as published, every selection fallback, and (Scope 2)
 * each market-based part. Built on demand from the line result, so it is the same text whenever it
 * is asked for; the parts that depend only on the factor are built once per factor and GWP set.
 */
import type { EmissionFactor } from '../factors/factor.js';
import { fallbacksText } from '../factors/selection-fallback.js';
import { gwpOf, type GwpSet } from '../gwp/gwp.js';
import { marketNoteText, type LineResult, type MarketPart } from './model.js';
import { roundKg } from './totals.js';

/**
 * A number in explanations: integers as they are; from 1 up, at most 6 decimals; below 1, 10
 * significant digits. Deterministic, and cheap enough for a million lines.
 */
export function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1 && abs < 1e9) return String(Math.round(x * 1e6) / 1e6);
  return String(Number(x.toPrecision(10)));
}

/** A factor's gases as its rate weighs them (kg per unit × GWP in `gwp`); none for a factor published as CO2e. */
export function gasTerms(f: EmissionFactor, gwp: GwpSet): { species: string; kg: number; gwp: number }[] {
  if (f.co2e !== undefined) return [];
  return Object.entries(f.gases ?? {}).map(([species, kg]) => ({ species, kg, gwp: gwpOf(species, gwp) }));
}

/** The price year a spend line is taken in when it states none: the factor's (no inflation adjustment); else null. */
export function assumedPriceYear(line: LineResult): number | null {
  return line.factor.priceYear !== undefined && line.activity.priceYear === null ? line.factor.priceYear : null;
}

export function explain(line: LineResult, gwp: GwpSet): string {
  const a = line.activity;
  const f = line.factor;
  const head = a.scope === 3 ? `scope 3 category ${a.category}, ${line.method} (method from ${line.methodSource})` : `scope ${a.scope}`;
  let text = `${a.id} (${head}): ${quantityText(line)} × ${factorText(f, gwp)} = ${num(roundKg(line.co2eKg))} kg CO2e`;
  if (line.fallbacks.length > 0) text += `. selection: ${fallbacksText(line.fallbacks)}`;
  const priceYear = assumedPriceYear(line);
  if (priceYear !== null) text += `. spend price year not stated: taken as ${priceYear} ${f.unit} as the factor is, with no inflation adjustment`;
  if (line.biogenicCo2Kg !== 0) text += `. biogenic CO2 ${num(roundKg(line.biogenicCo2Kg))} kg, reported outside the scopes`;
  if (line.marketCo2eKg !== null) text += `. ${marketText(line)}`;
  return text + '.';
}

function quantityText(line: LineResult): string {
  const a = line.activity;
  const base = `${num(a.quantity)} ${a.unit}`;
  if (line.conversion === 1) return base;
  return `${base} × ${num(line.conversion)} ${line.factor.unit}/${a.unit} = ${num(line.amount)} ${line.factor.unit}`;
}

const factorTexts = new WeakMap<EmissionFactor, Map<GwpSet, string>>();

/** The factor's rate and citation; constant per factor and GWP set, so cached. */
function factorText(f: EmissionFactor, gwp: GwpSet): string {
  let byGwp = factorTexts.get(f);
  if (byGwp === undefined) factorTexts.set(f, (byGwp = new Map()));
  let text = byGwp.get(gwp);
  if (text === undefined) {
    text = `${rateText(f, gwp)} [factor ${citation(f)}]`;
    byGwp.set(gwp, text);
  }
  return text;
}

function rateText(f: EmissionFactor, gwp: GwpSet): string {
  if (f.co2e !== undefined) return `${num(f.co2e)} kg CO2e/${f.unit} (CO2e as published, GWP basis ${f.gwpBasis ?? 'as stated by the source'})`;
  const terms = gasTerms(f, gwp);
  const sum = terms.reduce((s, t) => s + t.kg * t.gwp, 0);
  return `(${terms.map((t) => `${t.species} ${num(t.kg)} kg × GWP ${num(t.gwp)}`).join(' + ')}) = ${num(sum)} kg CO2e/${f.unit} (${gwp.name})`;
}

/**
 * `"id" — name; dataset name; region, data year`. The full citation (version, licence, URL, the
 * figure as published) travels once per factor in the output's `factors` section.
 */
export function citation(f: EmissionFactor): string {
  const d = f.dataset;
  const where = `${f.region}${f.year === null ? '' : `, data year ${f.year}`}`;
  if (d === null) return `"${f.id}" given in the input${f.region === 'WORLD' ? '' : `; ${where}`}`;
  return `"${f.id}" — ${f.name}; ${d.name}; ${where}`;
}

function marketText(line: LineResult): string {
  const kg = num(roundKg(line.marketCo2eKg ?? 0));
  if (line.marketNote !== null) return `market-based ${kg} kg CO2e: ${marketNoteText(line.marketNote)}`;
  return `market-based: ${line.marketParts.map(partText).join(' + ')} = ${kg} kg CO2e`;
}

function partText(p: MarketPart): string {
  return `${num(p.mwh)} MWh × ${num(p.kgCo2ePerMwh)} kg/MWh (${p.step.replace('_', ' ')}: ${p.source})`;
}
