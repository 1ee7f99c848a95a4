/**
 * @module import/validate-activity
 * One mapped activity row → an `ActivityRecordInput`, or every problem with it. Sites and business
 * units are the organisation's (by name); the factor must exist now: an explicit id in the
 * library, or a library factor selectable for the activity key in the site's region, the year of
 * period_start and a unit the row's unit converts to. Selections are cached per distinct query.
 */
import {
  canConvert, FactorSelectionError, isCurrency, parseUnit, SCOPE3_METHODS, UnitError,
  type EmissionFactor, type FactorIndex, type Unit,
} from '../../core/index.js';
import type { ActivityRecordInput, BusinessUnit, Site } from '../ledger/model.js';
import type { RowReader } from './cells.js';
import { selectionRegion } from '../ledger/selection-region.js';

export interface ActivityContext {
  readonly orgSlug: string;
  readonly sites: readonly Site[];
  readonly units: readonly BusinessUnit[];
  readonly factors: FactorIndex;
  /** A data owner's business units (lower case): each row must name one of them. */
  readonly writableUnits?: ReadonlySet<string>;
}

const CARRIERS = ['electricity', 'steam', 'heat', 'cooling'];
const UNIT_HINT = 'units are case-sensitive: kWh MWh GJ mmBtu therm L m3 gal scf kg t lb km mi pkm pmi vkm vmi tkm ton_mi room_night, or a currency code';

export function activityValidator(ctx: ActivityContext): (r: RowReader, row: number) => ActivityRecordInput | null {
  const sites = byName(ctx.sites);
  const units = byName(ctx.units);
  const named = (kind: string, list: readonly { name: string }[], name: string): string =>
    `unknown ${kind} "${name}" in ${ctx.orgSlug} (known: ${list.slice(0, 6).map((x) => x.name).join(', ') || 'none yet'}${list.length > 6 ? ', …' : ''})`;
  const selections = new Map<string, EmissionFactor | string>();
  const select = (activity: string, region: string, year: number, unit: Unit): EmissionFactor | string => {
    const key = `${activity}\u0000${region}\u0000${year}\u0000${unit}`;
    let hit = selections.get(key);
    if (hit === undefined) {
      try {
        hit = ctx.factors.select({ activity, region, year, unit }).factor;
      } catch (e) {
        if (!(e instanceof FactorSelectionError)) throw e;
        hit = `missing factor: ${e.message} (year ${year})`;
      }
      selections.set(key, hit);
    }
    return hit;
  };

  return (r, row) => {
    const sourceId = r.text('source_id');
    const siteName = r.text('site', true);
    const site = siteName === null ? undefined : sites.get(siteName.toLowerCase());
    if (siteName !== null && site === undefined) r.fail('site', named('site', ctx.sites, siteName));
    const unitName = r.text('business_unit');
    const bu = unitName === null ? undefined : units.get(unitName.toLowerCase());
    if (unitName !== null && bu === undefined) r.fail('business_unit', named('business unit', ctx.units, unitName));
    else if (ctx.writableUnits !== undefined && (unitName === null || !ctx.writableUnits.has(unitName.toLowerCase()))) {
      r.fail('business_unit', `you may write data only for your business units (${[...ctx.writableUnits].join(', ')})${unitName === null ? ': name one' : `, not "${unitName}"`}`);
    }
    const period = r.period();
    const scope = r.integer('scope', 1, 3, true) as 1 | 2 | 3 | null;
    const category = r.integer('category', 1, 15);
    if (scope === 3 && category === null && !r.has('category')) r.fail('category', 'missing: a Scope 3 line needs its category (1–15)');
    if (scope !== null && scope !== 3 && category !== null) r.fail('category', 'a category applies to Scope 3 lines only');
    const method = r.text('method');
    if (method !== null && !(SCOPE3_METHODS as readonly string[]).includes(method)) r.fail('method', `"${method}" is not one of ${SCOPE3_METHODS.join(', ')}`);
    else if (method !== null && scope !== null && scope !== 3) r.fail('method', 'a method applies to Scope 3 lines only');
    const quantity = r.number('quantity', true);
    const unit = unitOf(r);
    const priceYear = r.integer('price_year', 1900, 2200);
    if (priceYear !== null && unit !== null && !isCurrency(unit)) r.fail('price_year', `a price year applies to money, not ${unit}`);
    const carrier = r.text('carrier');
    if (carrier !== null && !CARRIERS.includes(carrier)) r.fail('carrier', `"${carrier}" is not one of ${CARRIERS.join(', ')}`);
    else if (carrier !== null && scope !== null && scope !== 2) r.fail('carrier', 'a carrier applies to Scope 2 lines only');
    const factorId = r.text('factor');
    const activity = r.text('activity');
    if (factorId !== null && activity !== null) r.fail('factor', `give factor or activity, not both (factor "${factorId}", activity "${activity}")`);
    if (method === 'supplier-specific' && factorId === null) {
      r.fail('factor', 'a supplier-specific line needs an explicit factor id: the library has no per-supplier factors to select by activity');
    } else if (factorId === null && activity === null) {
      r.fail('activity', 'missing: give an activity key (e.g. electricity.grid) or a factor id');
    }
    if (r.errors.length > 0 || unit === null || site === undefined || period === null || scope === null) return null;

    let factor: EmissionFactor | string;
    if (factorId !== null) {
      factor = ctx.factors.get(factorId) ?? `missing factor: no factor "${factorId}" in the library (find ids with: carbon-ledger factors search)`;
      if (typeof factor !== 'string' && !canConvert(unit, factor.unit)) factor = `${unit} does not convert to ${factor.unit}, the unit of factor "${factorId}"`;
    } else {
      factor = select(activity as string, selectionRegion(site, scope, activity), Number(period.start.slice(0, 4)), unit);
    }
    if (typeof factor === 'string') r.fail(factorId !== null ? 'factor' : 'activity', factor);
    else if (priceYear !== null && factor.priceYear !== undefined && priceYear !== factor.priceYear) {
      r.fail('price_year', `spend is in ${priceYear} ${unit} but factor "${factor.id}" is per ${factor.priceYear} ${unit}; restate the spend in ${factor.priceYear} prices`);
    }
    if (r.errors.length > 0) return null;
    return {
      rowNumber: row, sourceId, siteId: site.siteId, unitId: bu?.unitId ?? null, periodStart: period.start, periodEnd: period.end,
      scope, category: scope === 3 ? category : null, method, quantity: quantity as number, unit, priceYear,
      factorId, activity, carrier, supplier: r.text('supplier'),
    };
  };
}

function unitOf(r: RowReader): Unit | null {
  const symbol = r.text('unit', true);
  if (symbol === null) return null;
  try {
    return parseUnit(symbol);
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    r.fail('unit', `${e.message} (${UNIT_HINT})`);
    return null;
  }
}

/** Names match ignoring case and surrounding blanks; exact spelling is not worth a refusal. */
function byName<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.name.trim().toLowerCase(), x]));
}
