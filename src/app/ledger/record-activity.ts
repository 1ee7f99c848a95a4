/**
 * @module ledger/record-activity
 * A stored record as the engine's Activity: the region from `selectionRegion`, the market the
 * site's, the year the calendar year the record's period starts in.
 */
import { parseUnit, SCOPE3_METHODS, type Activity, type Scope2Carrier, type Scope3Method } from '../../core/index.js';
import type { StoredRecord } from './calc-store.js';
import { selectionRegion } from './selection-region.js';

const isMethod = (m: string | null): m is Scope3Method => m !== null && (SCOPE3_METHODS as readonly string[]).includes(m);

/** `id` names the line in the engine's errors: the record id, or the file row before it has one. */
export function recordActivity(r: Omit<StoredRecord, 'recordId'>, id: string): Activity {
  return {
    id,
    scope: r.scope,
    category: r.scope === 3 ? r.category : null,
    method: isMethod(r.method) ? r.method : null,
    quantity: r.quantity,
    unit: parseUnit(r.unit),
    priceYear: r.priceYear,
    factorId: r.factorId,
    activity: r.activity,
    region: selectionRegion(r, r.scope, r.activity),
    year: Number(r.periodStart.slice(0, 4)),
    market: r.scope === 2 ? r.market : null,
    carrier: (r.carrier as Scope2Carrier | null) ?? null,
    supplier: r.supplier,
  };
}
