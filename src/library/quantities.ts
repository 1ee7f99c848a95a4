/**
 * @module library/quantities
 * Conversions of published figures to kg per factor unit, all through the units module so that
 * the constants live in one place (lb = 0.45359237 kg exactly, g = 0.001 kg).
 */
import { KG, conversionFactor, kgPer, parseMassRate, parseUnit, type Unit } from '../core/units/units.js';

/**
 * Strips binary noise from a converted value (559.6 g/kWh → 559.6000000000001 kg/MWh). Sources
 * print at most 10 significant digits, so 12 keeps every published digit.
 */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** kg of a mass given in `massSymbol` (`g`, `lb`, `t`…). */
export function toKg(value: number, massSymbol: string): number {
  return tidy(value * conversionFactor(parseUnit(massSymbol), KG));
}

/** kg per `per` from a rate such as `lb/MWh` or `g/kWh`. */
export function kgPerUnit(value: number, rate: string, per: Unit): number {
  return tidy(kgPer(value, parseMassRate(rate), per));
}
