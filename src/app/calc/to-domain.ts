/**
 * @module calc/to-domain
 * Turns validated `calc` input into the core's types: unit symbols parsed, periods turned into years,
 * rates expressed in kg per unit. Every refusal names the item (activity, factor, instrument id) and
 * the field.
 */
import type { z } from 'zod';
import {
  conversionFactor,
  isRegionCode,
  kgPer,
  MWH,
  parseMassRate,
  parseUnit,
  parseUnitOf,
  UnitError,
  type Activity,
  type EmissionFactor,
  type Instrument,
  type ResidualMix,
  type Unit,
} from '../../core/index.js';
import { AppError } from '../app-error.js';
import type { ActivityInput, FactorInput, InstrumentInput, ResidualMixInput } from './input-schema.js';

type Kind = 'activity' | 'factor' | 'instrument' | 'residual mix';

/** Bad input in one field of one item: the message names both; importers read `field` and `reason`. */
export class InputFieldError extends AppError {
  constructor(kind: Kind, id: string, readonly field: string, readonly reason: string) {
    super('invalid_input', `${kind} "${id}", field "${field}": ${reason}`);
  }
}

function fail(kind: Kind, id: string, field: string, message: string): never {
  throw new InputFieldError(kind, id, field, message);
}

function unitOf(kind: Kind, id: string, field: string, symbol: string): Unit {
  try {
    return parseUnit(symbol);
  } catch (e) {
    if (e instanceof UnitError) fail(kind, id, field, e.message);
    throw e;
  }
}

function region(kind: Kind, id: string, field: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (!isRegionCode(code)) fail(kind, id, field, `"${code}" is not a region code (WORLD, ISO 3166 alpha-2 like US, or a sub-region like US-RFCE)`);
  return code;
}

/** kg per one `per` unit from a value and a rate symbol like `kg/MWh`. */
function ratePer(kind: Kind, id: string, field: string, value: number, symbol: string, per: Unit): number {
  try {
    return kgPer(value, parseMassRate(symbol), per);
  } catch (e) {
    if (e instanceof UnitError) fail(kind, id, field, e.message);
    throw e;
  }
}

function massToKg(kind: Kind, id: string, field: string, symbol: string): number {
  try {
    return kgPer(1, parseMassRate(`${symbol}/kg`), parseUnit('kg'));
  } catch (e) {
    if (e instanceof UnitError) fail(kind, id, field, `"${symbol}" is not a mass unit (g, kg, t, lb, short_ton)`);
    throw e;
  }
}

export function toFactor(input: FactorInput): EmissionFactor {
  const f = { ...input, id: String(input.id) };
  const unit = unitOf('factor', f.id, 'unit', f.unit);
  const base = {
    id: f.id,
    dataset: null,
    name: f.name ?? f.id,
    activity: f.activity ?? `input.${f.id}`,
    region: region('factor', f.id, 'region', f.region) ?? 'WORLD',
    year: f.year ?? null,
    unit,
    ...(f.price_year === undefined ? {} : { priceYear: f.price_year }),
    ...(f.method === undefined ? {} : { method: f.method }),
  };
  if (f.co2e !== undefined) {
    const k = massToKg('factor', f.id, 'co2e_unit', f.co2e_unit ?? '');
    const bio = f.biogenic_co2 === undefined ? {} : { biogenicCo2: f.biogenic_co2 * k };
    return { ...base, co2e: f.co2e * k, gwpBasis: 'given in the input', ...bio };
  }
  const k = massToKg('factor', f.id, 'gas_unit', f.gas_unit ?? '');
  const gases: Record<string, number> = {};
  for (const [species, value] of Object.entries(f.gases ?? {})) gases[species] = value * k;
  return { ...base, gases, ...(f.biogenic_co2 === undefined ? {} : { biogenicCo2: f.biogenic_co2 * k }) };
}

const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The year of a period: `2024`, `"2024"`, `"2024-03"` or `"2024-03-15"`. */
export function yearOf(id: string, period: string | number | null | undefined): number | null {
  if (period === null || period === undefined) return null;
  const year = typeof period === 'number' ? period : PERIOD.test(period) ? Number(period.slice(0, 4)) : NaN;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    fail('activity', id, 'period', `${JSON.stringify(period)} is not a period: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  return year;
}

export function toActivity(a: ActivityInput): Activity {
  const id = String(a.id);
  if (a.scope === 3 && (a.category === null || a.category === undefined)) {
    fail('activity', id, 'category', 'a Scope 3 line needs its category (1–15)');
  }
  return {
    id,
    scope: a.scope,
    category: a.scope === 3 ? (a.category ?? null) : null,
    method: a.method ?? null,
    quantity: a.quantity,
    unit: unitOf('activity', id, 'unit', a.unit),
    priceYear: a.price_year ?? null,
    factorId: a.factor === null || a.factor === undefined ? null : String(a.factor),
    activity: a.activity ?? null,
    region: region('activity', id, 'region', a.region),
    year: yearOf(id, a.period),
    market: region('activity', id, 'market', a.market),
    carrier: a.carrier ?? null,
    supplier: a.supplier ?? null,
  };
}

/** A market is a real electricity market: a country or a sub-region, never WORLD. */
function marketOf(kind: Kind, id: string, code: string): string {
  const m = region(kind, id, 'market', code) as string;
  if (m === 'WORLD') fail(kind, id, 'market', 'an instrument or residual mix belongs to one market (a country or grid sub-region), not WORLD');
  return m;
}

export function toInstrument(input: InstrumentInput): Instrument {
  const i = { ...input, id: String(input.id) };
  let mwh: number | null = null;
  if (i.quantity !== null && i.quantity !== undefined) {
    if (i.unit === null || i.unit === undefined) fail('instrument', i.id, 'unit', 'a quantity needs its unit (e.g. MWh)');
    let energy: Unit<'energy'>;
    try {
      energy = parseUnitOf(i.unit, 'energy');
    } catch (e) {
      if (e instanceof UnitError) fail('instrument', i.id, 'unit', e.message);
      throw e;
    }
    mwh = i.quantity * conversionFactor(energy, MWH);
  } else if (i.kind !== 'supplier_rate') {
    fail('instrument', i.id, 'quantity', `a ${i.kind} must state the MWh it covers`);
  }
  return {
    id: i.id,
    kind: i.kind,
    market: marketOf('instrument', i.id, i.market),
    mwh,
    kgCo2ePerMwh: ratePer('instrument', i.id, 'co2e_unit', i.co2e, i.co2e_unit, MWH),
    vintage: i.vintage,
    supplier: i.supplier ?? null,
    retired: i.retired ?? null,
    serial: i.serial ?? null,
  };
}

export function toResidualMix(m: ResidualMixInput, index: number): ResidualMix {
  const id = `${m.market}#${index}`;
  return {
    market: marketOf('residual mix', id, m.market),
    year: m.year ?? null,
    kgCo2ePerMwh: ratePer('residual mix', id, 'co2e_unit', m.co2e, m.co2e_unit, MWH),
  };
}

/** A zod failure as one line naming the item's id (when it has one) and the field. */
export function describeZodError(error: z.ZodError, root: unknown, prefix = ''): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${prefix}invalid input`;
  const path = issue.path;
  const [list, index] = path;
  const kinds: Record<string, Kind> = { activities: 'activity', factors: 'factor', instruments: 'instrument', residual_mix: 'residual mix' };
  if (typeof list === 'string' && typeof index === 'number' && kinds[list] !== undefined) {
    const item = (root as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    const name = item?.id !== undefined ? `"${String(item.id)}"` : `#${index + 1}`;
    const field = path.slice(2).join('.') || '(item)';
    return `${prefix}${kinds[list]} ${name} (${list}[${index}]), field "${field}": ${issue.message}`;
  }
  return `${prefix}field "${path.join('.') || '(root)'}": ${issue.message}`;
}
