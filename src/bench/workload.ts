/**
 * @module bench/workload
 * A generated, reproducible workload: activity lines of mixed scopes drawing on library factors,
 * and certificates/PPAs in the same markets. Shared by the engine and CLI benchmarks.
 */
import type { ReferenceData } from '../core/index.js';

interface Template {
  readonly scope: 1 | 2 | 3;
  readonly category?: number;
  readonly unit: string;
  readonly activity: string;
  readonly region: string;
  readonly market?: string;
  readonly max: number;
}

const TEMPLATES: readonly Template[] = [
  { scope: 1, unit: 'mmBtu', activity: 'fuel.natural-gas', region: 'US', max: 5_000 },
  { scope: 1, unit: 'L', activity: 'mobile.diesel-fuel', region: 'US', max: 20_000 },
  { scope: 2, unit: 'kWh', activity: 'electricity.grid', region: 'US-RFCE', market: 'US-RFCE', max: 500_000 },
  { scope: 2, unit: 'kWh', activity: 'electricity.grid', region: 'US-CAMX', market: 'US-CAMX', max: 500_000 },
  { scope: 2, unit: 'MWh', activity: 'electricity.grid', region: 'CN', market: 'CN', max: 800 },
  { scope: 2, unit: 'MWh', activity: 'electricity.grid', region: 'VN', market: 'VN', max: 800 },
  { scope: 3, category: 1, unit: 'USD', activity: 'spend.naics.334111', region: 'US', max: 100_000 },
  { scope: 3, category: 6, unit: 'pmi', activity: 'travel.bus', region: 'US', max: 3_000 },
];

export interface WorkloadLine {
  readonly id: string;
  readonly scope: 1 | 2 | 3;
  readonly category?: number;
  readonly quantity: number;
  readonly unit: string;
  readonly factor: string;
  readonly market?: string;
  readonly period: string;
}

/** Resolves each template to a library factor id once, so lines carry explicit ids. */
export function factorIds(reference: ReferenceData): string[] {
  return TEMPLATES.map((t) => reference.index.select({ activity: t.activity, region: t.region, year: 2024 }).factor.id);
}

/** Line `i` of the workload: the same for the same `i`, everywhere. */
export function workloadLine(i: number, ids: readonly string[]): WorkloadLine {
  const t = TEMPLATES[i % TEMPLATES.length] as Template;
  const quantity = ((i * 7919) % 10_007) / 10_007 * t.max;
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    id: `L${i}`,
    scope: t.scope,
    ...(t.category === undefined ? {} : { category: t.category }),
    quantity: Math.round(quantity * 100) / 100,
    unit: t.unit,
    factor: ids[i % TEMPLATES.length] as string,
    ...(t.market === undefined ? {} : { market: t.market }),
    period: `2024-${month}`,
  };
}

/** Certificates and PPAs covering part of the generated electricity. */
export const WORKLOAD_INSTRUMENTS = [
  { id: 'rec-us-2024', kind: 'certificate', market: 'US', quantity: 2_000_000, unit: 'MWh', co2e: 0, co2e_unit: 'kg/MWh', vintage: 2024 },
  { id: 'ppa-camx-2024', kind: 'ppa', market: 'US-CAMX', quantity: 1_000_000, unit: 'MWh', co2e: 0, co2e_unit: 'kg/MWh', vintage: 2024 },
  { id: 'gec-cn-2024', kind: 'certificate', market: 'CN', quantity: 3_000_000, unit: 'MWh', co2e: 0, co2e_unit: 'kg/MWh', vintage: 2024 },
] as const;
