/**
 * @module factors/factor-summary
 * A factor as the CLI and API show it: its values, its CO2e per unit under a GWP set, and its
 * full source (dataset with version, licence and URL; the figure as published).
 */
import { co2eOf, type Dataset, type EmissionFactor, type GwpSet } from '../../core/index.js';

export interface FactorSummary {
  readonly id: string;
  readonly name: string;
  readonly activity: string;
  readonly region: string;
  readonly year: number | null;
  readonly unit: string;
  readonly price_year: number | null;
  readonly gases_kg_per_unit: Readonly<Record<string, number>> | null;
  readonly co2e_kg_per_unit_as_published: number | null;
  readonly gwp_basis: string | null;
  /** CO2e per unit under `gwp` (or as published, when the factor is published as CO2e). */
  readonly kg_co2e_per_unit: number;
  readonly gwp: string;
  readonly biogenic_co2_kg_per_unit: number | null;
  readonly published_as: string | null;
  readonly dataset: Dataset | null;
}

export function factorSummary(f: EmissionFactor, gwp: GwpSet): FactorSummary {
  return {
    id: f.id,
    name: f.name,
    activity: f.activity,
    region: f.region,
    year: f.year,
    unit: f.unit,
    price_year: f.priceYear ?? null,
    gases_kg_per_unit: f.gases ?? null,
    co2e_kg_per_unit_as_published: f.co2e ?? null,
    gwp_basis: f.gwpBasis ?? null,
    kg_co2e_per_unit: Number((f.co2e ?? co2eOf(f.gases ?? {}, gwp)).toPrecision(10)),
    gwp: f.co2e === undefined ? gwp.name : `as published (${f.gwpBasis ?? 'basis not stated'})`,
    biogenic_co2_kg_per_unit: f.biogenicCo2 ?? null,
    published_as: f.publishedAs ?? null,
    dataset: f.dataset,
  };
}
