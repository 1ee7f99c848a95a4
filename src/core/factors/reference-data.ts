/**
 * @module factors/reference-data
 * What a calculation needs from the shipped library, as plain values: the factor index and the GWP
 * sets. The library layer loads it from files; the core only receives it.
 */
import type { GwpSet, GwpSetName } from '../gwp/gwp.js';
import type { FactorIndex } from './factor-index.js';

export interface ReferenceData {
  readonly index: FactorIndex;
  readonly gwpSets: Readonly<Record<GwpSetName, GwpSet>>;
}
