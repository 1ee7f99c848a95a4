/**
 * @module ledger/record-activity
 * A stored record as the engine's Activity. The region for factor selection is the site's grid
 * sub-region for electricity (Scope 2 and `electricity.*` keys) and the site's country otherwise;
 * the market is the site's; the year is the calendar year the record's period starts in.
 */
import { parseUnit, SCOPE3_METHODS, type Activity, type Scope2Carrier, type Scope3Method } from '../../core/index.js';
import type { StoredRecord } from './calc-store.js';

const isMethod = (m: string | null): m is Scope3Method => m !== null && (SCOPE3_METHODS as readonly string[]).includes(m);

export function recordActivity(r: StoredRecord): Activity {
  const electricity = r.scope === 2 || (r.activity?.startsWith('electricity.') ?? false);
  return {
    id: String(r.recordId),
    scope: r.scope,
    category: r.scope === 3 ? r.category : null,
    method: isMethod(r.method) ? r.method : null,
    quantity: r.quantity,
    unit: parseUnit(r.unit),
    priceYear: r.priceYear,
    factorId: r.factorId,
    activity: r.activity,
    region: electricity ? r.gridRegion : r.country,
    year: Number(r.periodStart.slice(0, 4)),
    market: r.scope === 2 ? r.market : null,
    carrier: (r.carrier as Scope2Carrier | null) ?? null,
    supplier: r.supplier,
  };
}
