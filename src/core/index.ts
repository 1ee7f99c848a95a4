/**
 * @module carbon-ledger
 * The pure domain core: units, regions, GWP sets, emission factors and the calculation engine.
 * No I/O: factors, GWP sets and instruments come in as arguments, results go out as values.
 */
export * from './units/units.js';
export * from './regions/regions.js';
export * from './gwp/gwp.js';
export * from './factors/factor.js';
export * from './factors/factor-index.js';
export * from './factors/selection-fallback.js';
export * from './factors/reference-data.js';
export * from './factors/search-factors.js';
export * from './calc/model.js';
export * from './calc/calculator.js';
export * from './calc/explain.js';
export { gramsToKgText, roundKg, toGrams } from './calc/totals.js';
export * from './periods/reporting-year.js';
export * from './inventory/inventory.js';
