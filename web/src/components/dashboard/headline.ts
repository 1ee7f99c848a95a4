/** The year-on-year changes companies publish, from the inventory's `change_pct` (per cent). */

export interface HeadlineChanges {
  /** Scope 1 + Scope 2 market-based. */
  readonly scope12: number;
  readonly scope3: number | null;
  /** Market-based total per unit of revenue, and the revenue growth it is set against. */
  readonly intensity: { readonly change: number; readonly revenue: number } | null;
}

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The headline figures, or null when there is no Scope 1+2 change (no previous year). The change
 * of intensity per revenue is (1 + total change) / (1 + revenue growth) − 1.
 */
export function headlineChanges(change: Readonly<Record<string, number | null>> | null): HeadlineChanges | null {
  const scope12 = change?.scope12_market_kg;
  if (change == null || !finite(scope12)) return null;
  const scope3 = change.scope3_kg;
  const total = change.total_market_kg;
  const revenue = change.revenue;
  const intensity = finite(total) && finite(revenue) && revenue > -100
    ? { change: Math.round(((1 + total / 100) / (1 + revenue / 100) - 1) * 1000) / 10, revenue }
    : null;
  return { scope12, scope3: finite(scope3) ? scope3 : null, intensity };
}
