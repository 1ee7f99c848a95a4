/**
 * @module org/consolidation-share
 * The share of an entity's emissions an organisation reports, per the GHG Protocol Corporate
 * Standard ch. 3: under the equity share approach, its ownership fraction; under financial or
 * operational control, 100% of what it controls and nothing of what it does not.
 *
 * The model has no "joint control" flag, so a joint venture under joint financial control (which the
 * Standard accounts for by equity share) must be entered with the control flag that the reporter
 * judges right; see docs/org-file.md.
 *
 * @example
 * consolidationShare('equity_share', { ownershipPct: 60, financialControl: true, operationalControl: true })  // 0.6
 * consolidationShare('operational_control', { ownershipPct: 60, financialControl: true, operationalControl: true })  // 1
 */
import type { Consolidation, EntityPeriod } from '../ledger/model.js';

/** The ownership and control terms of an entity period. */
export type EntityTerms = Pick<EntityPeriod, 'ownershipPct' | 'financialControl' | 'operationalControl'>;

/** 0..1. */
export function consolidationShare(approach: Consolidation, period: EntityTerms): number {
  switch (approach) {
    case 'equity_share':
      return period.ownershipPct / 100;
    case 'financial_control':
      return period.financialControl ? 1 : 0;
    case 'operational_control':
      return period.operationalControl ? 1 : 0;
  }
}

/** The entity's period in force on `date` (YYYY-MM-DD): the latest that starts on or before it. */
export function periodInForce(periods: readonly EntityPeriod[], entityId: number, date: string): EntityPeriod | null {
  let found: EntityPeriod | null = null;
  for (const p of periods) {
    // ISO dates order as strings; on equal starts the later row wins, as in the store's replace rule.
    if (p.entityId === entityId && p.validFrom <= date && (found === null || p.validFrom >= found.validFrom)) found = p;
  }
  return found;
}

export interface ShareAt {
  /** 0..1. */
  readonly share: number;
  readonly period: EntityPeriod | null;
  /** Why: the approach and the terms in force, or that none were in force. */
  readonly reason: string;
}

export function shareAt(approach: Consolidation, periods: readonly EntityPeriod[], entityId: number, date: string): ShareAt {
  const period = periodInForce(periods, entityId, date);
  if (period === null) {
    return { share: 0, period, reason: `no ownership or control period starts on or before ${date}, so 0%` };
  }
  const share = consolidationShare(approach, period);
  return { share, period, reason: `${shareReason(approach, period)}, from ${period.validFrom}` };
}

/** `equity share: 60% owned → 60%`, `operational control: not controlled → 0%`. */
export function shareReason(approach: Consolidation, period: EntityTerms): string {
  const pct = `${percent(consolidationShare(approach, period))}`;
  if (approach === 'equity_share') return `equity share: ${period.ownershipPct}% owned → ${pct}`;
  const controlled = approach === 'financial_control' ? period.financialControl : period.operationalControl;
  const kind = approach === 'financial_control' ? 'financial' : 'operational';
  return `${kind} control: ${controlled ? 'controlled' : 'not controlled'} → ${pct}`;
}

/** 0.6 → `60%`, at most four decimals (the store keeps ownership to 0.0001%). */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}
