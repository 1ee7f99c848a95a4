/**
 * @module units
 * The one place that knows unit symbols and converts between them.
 *
 * A quantity carries its unit in the type (`Quantity<'energy'>`); conversion between two units is
 * defined only within one dimension, and money converts only between identical currencies (no
 * exchange rates and no inflation are ever guessed).
 *
 * @example
 * const u = parseUnit('mmBtu');           // Unit<'energy'>
 * conversionFactor(parseUnit('therm'), u) // 0.1
 */

export type Dimension =
  | 'energy'
  | 'mass'
  | 'volume'
  | 'distance'
  | 'passenger_distance'
  | 'vehicle_distance'
  | 'freight'
  | 'money'
  | 'count';

/** A validated unit symbol, branded with its dimension. */
export type Unit<D extends Dimension = Dimension> = string & { readonly __dimension: D };

/** An amount with its unit in the type. */
export interface Quantity<D extends Dimension = Dimension> {
  readonly value: number;
  readonly unit: Unit<D>;
}

interface UnitDef {
  readonly dimension: Dimension;
  /** Multiply a value in this unit by `toBase` to get the dimension's base unit. */
  readonly toBase: number;
  readonly name: string;
}

// Exact definitions: international foot/pound/mile, IT British thermal unit, US liquid gallon.
const BTU_J = 1055.05585262;
const LB_KG = 0.45359237;
const MI_KM = 1.609344;
const FT3_M3 = 0.028316846592;
const GAL_M3 = 0.003785411784;
const SHORT_TON_KG = 2000 * LB_KG;

/** Base units: energy J, mass kg, volume m3, distances km, freight t·km, count 1. */
const UNITS: Readonly<Record<string, UnitDef>> = {
  J: { dimension: 'energy', toBase: 1, name: 'joule' },
  Wh: { dimension: 'energy', toBase: 3.6e3, name: 'watt-hour' },
  kWh: { dimension: 'energy', toBase: 3.6e6, name: 'kilowatt-hour' },
  MWh: { dimension: 'energy', toBase: 3.6e9, name: 'megawatt-hour' },
  GWh: { dimension: 'energy', toBase: 3.6e12, name: 'gigawatt-hour' },
  MJ: { dimension: 'energy', toBase: 1e6, name: 'megajoule' },
  GJ: { dimension: 'energy', toBase: 1e9, name: 'gigajoule' },
  mmBtu: { dimension: 'energy', toBase: BTU_J * 1e6, name: 'million British thermal units' },
  therm: { dimension: 'energy', toBase: BTU_J * 1e5, name: 'therm (100,000 Btu)' },

  g: { dimension: 'mass', toBase: 1e-3, name: 'gram' },
  kg: { dimension: 'mass', toBase: 1, name: 'kilogram' },
  t: { dimension: 'mass', toBase: 1e3, name: 'tonne' },
  lb: { dimension: 'mass', toBase: LB_KG, name: 'pound' },
  short_ton: { dimension: 'mass', toBase: SHORT_TON_KG, name: 'short ton (2,000 lb)' },

  L: { dimension: 'volume', toBase: 1e-3, name: 'litre' },
  m3: { dimension: 'volume', toBase: 1, name: 'cubic metre' },
  gal: { dimension: 'volume', toBase: GAL_M3, name: 'US gallon' },
  scf: { dimension: 'volume', toBase: FT3_M3, name: 'standard cubic foot' },
  ccf: { dimension: 'volume', toBase: 100 * FT3_M3, name: 'hundred cubic feet' },

  km: { dimension: 'distance', toBase: 1, name: 'kilometre' },
  mi: { dimension: 'distance', toBase: MI_KM, name: 'mile' },

  pkm: { dimension: 'passenger_distance', toBase: 1, name: 'passenger-kilometre' },
  pmi: { dimension: 'passenger_distance', toBase: MI_KM, name: 'passenger-mile' },
  vkm: { dimension: 'vehicle_distance', toBase: 1, name: 'vehicle-kilometre' },
  vmi: { dimension: 'vehicle_distance', toBase: MI_KM, name: 'vehicle-mile' },
  tkm: { dimension: 'freight', toBase: 1, name: 'tonne-kilometre' },
  ton_mi: { dimension: 'freight', toBase: (SHORT_TON_KG / 1000) * MI_KM, name: 'short ton-mile' },

  room_night: { dimension: 'count', toBase: 1, name: 'hotel room-night' },
  item: { dimension: 'count', toBase: 1, name: 'item' },
};

/** Every non-money symbol the product accepts. */
export const UNIT_SYMBOLS: readonly string[] = Object.keys(UNITS);

const CURRENCY = /^[A-Z]{3}$/;
const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Raised when a symbol is unknown or two units cannot be converted. */
export class UnitError extends Error {
  override readonly name = 'UnitError';
}

/** Is `symbol` an ISO 4217 currency code? */
export function isCurrency(symbol: string): boolean {
  return CURRENCY.test(symbol) && knownCurrencies.has(symbol);
}

/** Validates a unit symbol (case-sensitive: `MWh`, not `mwh`). Throws UnitError when unknown. */
export function parseUnit(symbol: string): Unit {
  if (UNITS[symbol] !== undefined || isCurrency(symbol)) return symbol as Unit;
  throw new UnitError(`unknown unit "${symbol}"`);
}

/** Like parseUnit, and also checks the dimension. */
export function parseUnitOf<D extends Dimension>(symbol: string, dimension: D): Unit<D> {
  const unit = parseUnit(symbol);
  const actual = dimensionOf(unit);
  if (actual !== dimension) throw new UnitError(`unit "${symbol}" is ${actual}, expected ${dimension}`);
  return unit as Unit<D>;
}

export function dimensionOf(unit: Unit): Dimension {
  return UNITS[unit]?.dimension ?? 'money';
}

/** Human-readable name of a unit, for explanations. */
export function unitName(unit: Unit): string {
  return UNITS[unit]?.name ?? `${unit} (currency)`;
}

/**
 * The number to multiply a value in `from` by to express it in `to`.
 * Throws UnitError when the dimensions differ or the currencies differ.
 */
export function conversionFactor(from: Unit, to: Unit): number {
  if (from === to) return 1;
  const a = UNITS[from];
  const b = UNITS[to];
  if (a === undefined || b === undefined) {
    throw new UnitError(`cannot convert ${from} to ${to}: currencies convert only to themselves`);
  }
  if (a.dimension !== b.dimension) {
    throw new UnitError(`cannot convert ${from} (${a.dimension}) to ${to} (${b.dimension})`);
  }
  return a.toBase / b.toBase;
}

/** Does `from` convert to `to` (same dimension; a currency only to itself)? */
export function canConvert(from: Unit, to: Unit): boolean {
  if (from === to) return true;
  const a = UNITS[from];
  const b = UNITS[to];
  return a !== undefined && b !== undefined && a.dimension === b.dimension;
}

/** Converts a quantity to another unit of the same dimension. */
export function convert<D extends Dimension>(q: Quantity<D>, to: Unit<D>): Quantity<D> {
  return { value: q.value * conversionFactor(q.unit, to), unit: to };
}

/** Builds a quantity from a raw number and symbol, validating the symbol. */
export function quantity(value: number, symbol: string): Quantity {
  return { value, unit: parseUnit(symbol) };
}

/** A rate such as `kg/MWh`: a mass per unit of something. */
export interface MassRate {
  readonly mass: Unit<'mass'>;
  readonly per: Unit;
}

/** Parses `kg/MWh`, `lb/MWh`, `g/kWh`… Throws UnitError naming the symbol. */
export function parseMassRate(symbol: string): MassRate {
  const [mass, per, extra] = symbol.split('/');
  if (mass === undefined || per === undefined || extra !== undefined) {
    throw new UnitError(`"${symbol}" is not a rate of the form MASS/UNIT (e.g. kg/MWh)`);
  }
  return { mass: parseUnitOf(mass, 'mass'), per: parseUnit(per) };
}

/** kg per `per`-unit, from a value in a mass rate. */
export function kgPer(value: number, rate: MassRate, per: Unit): number {
  return (value * conversionFactor(rate.mass, KG)) / conversionFactor(rate.per, per);
}

export const KG = 'kg' as Unit<'mass'>;
export const MWH = 'MWh' as Unit<'energy'>;
