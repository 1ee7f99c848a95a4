/**
 * @module library/reported-emissions
 * Emissions a supplier (or another data provider) reports already as CO2e: an identity "factor"
 * (1 kg CO2e per kg CO2e reported), so supplier-specific figures flow through the same pipeline,
 * explanation and provenance as every other line. It asserts nothing about emissions itself: the
 * figure is the supplier's, and the line's method is supplier-specific.
 */
import type { EmissionFactor } from '../core/factors/factor.js';
import { KG } from '../core/units/units.js';
import { REPORTED } from './datasets.js';
import type { LoadResult } from './load-result.js';


export function loadReportedEmissions(): LoadResult {
  const factor: EmissionFactor = {
    id: 'reported/co2e',
    dataset: REPORTED,
    name: 'CO2e as reported by the supplier (kg CO2e per kg CO2e)',
    activity: 'reported.co2e',
    region: 'WORLD',
    year: null,
    unit: KG,
    co2e: 1,
    gwpBasis: 'as reported by the supplier',
    method: 'supplier-specific',
  };
  return { factors: [factor], skipped: {} };
}
