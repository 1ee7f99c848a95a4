import { describe, expect, it } from 'vitest';
import type { EntityPeriod } from '../ledger/model.js';
import { consolidationShare, periodInForce, shareAt } from './consolidation-share.js';

const period = (entityId: number, validFrom: string, ownershipPct: number, control: boolean, operational = control): EntityPeriod =>
  ({ entityId, validFrom, ownershipPct, financialControl: control, operationalControl: operational });

// GHG Protocol Corporate Standard ch. 3 (Table 1): equity share follows ownership; the control
// approaches take 100% of what is controlled and 0% of what is not, whatever the ownership.
describe('consolidationShare', () => {
  it('takes 60% of a 60%-owned subsidiary under equity share, all of it under control', () => {
    const subsidiary = period(1, '2020-01-01', 60, true);
    expect(consolidationShare('equity_share', subsidiary)).toBeCloseTo(0.6, 12);
    expect(consolidationShare('financial_control', subsidiary)).toBe(1);
    expect(consolidationShare('operational_control', subsidiary)).toBe(1);
  });

  it('takes 30% of an associate without control under equity share, nothing under control', () => {
    const associate = period(2, '2020-01-01', 30, false);
    expect(consolidationShare('equity_share', associate)).toBeCloseTo(0.3, 12);
    expect(consolidationShare('financial_control', associate)).toBe(0);
    expect(consolidationShare('operational_control', associate)).toBe(0);
  });

  it('distinguishes financial from operational control (a 49% stake it operates)', () => {
    const operated = period(3, '2020-01-01', 49, false, true);
    expect(consolidationShare('financial_control', operated)).toBe(0);
    expect(consolidationShare('operational_control', operated)).toBe(1);
    expect(consolidationShare('equity_share', operated)).toBeCloseTo(0.49, 12);
  });
});

describe('shareAt', () => {
  const periods = [period(1, '2021-01-01', 51, true), period(1, '2023-07-01', 60, true), period(2, '2022-01-01', 30, false)];

  it('uses the period in force: the latest that starts on or before the date', () => {
    expect(shareAt('equity_share', periods, 1, '2023-06-30').share).toBeCloseTo(0.51, 12);
    expect(shareAt('equity_share', periods, 1, '2023-07-01').share).toBeCloseTo(0.6, 12);
    expect(shareAt('equity_share', periods, 1, '2030-01-01')).toMatchObject({ period: periods[1], reason: 'equity share: 60% owned → 60%, from 2023-07-01' });
    expect(shareAt('operational_control', periods, 2, '2024-01-01').reason).toBe('operational control: not controlled → 0%, from 2022-01-01');
  });

  it('gives 0 and says why before the first period, or for an entity without periods', () => {
    expect(shareAt('financial_control', periods, 1, '2020-12-31')).toEqual({
      share: 0, period: null, reason: 'no ownership or control period starts on or before 2020-12-31, so 0%',
    });
    expect(shareAt('equity_share', periods, 9, '2024-01-01').share).toBe(0);
    expect(periodInForce(periods, 2, '2021-12-31')).toBeNull();
  });
});
