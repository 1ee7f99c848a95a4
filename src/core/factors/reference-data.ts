/**
 * @module factors/reference-data
 * What a calculation needs from the shipped library, as plain values: the factor index and the GWP
 * sets. The library layer loads it from files; the core only receives it.
 */
import type { GwpSet, GwpSetName } from '../gwp/gwp.js';
import type { Dataset } from './factor.js';
import type { FactorIndex } from './factor-index.js';

export interface ReferenceData {
  readonly index: FactorIndex;
  readonly gwpSets: Readonly<Record<GwpSetName, GwpSet>>;
}

/** Reference data with the datasets it holds, so a calculation can record which it used. */
export interface ReferenceLibrary extends ReferenceData {
  readonly datasets: readonly Dataset[];
}
