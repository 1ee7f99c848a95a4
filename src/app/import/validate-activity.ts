/**
 * @module import/validate-activity
 * One mapped activity row → an `ActivityRecordInput`, or every problem with it. Sites and business
 * units are the organisation's (by name); the factor must exist now: an explicit id in the
 * library, or a library factor selectable for the activity key in the site's region, the year of
 * period_start and a unit the row's unit converts to. Selections are cached per distinct query.
 */
import {
  canConvert, FactorSelectionError, isCurrency, parseUnit, SCOPE2_CARRIERS, SCOPE3_METHODS, UnitError,
  type EmissionFactor, type FactorIndex, type Unit,
} from '../../core/index.js';
import type { ActivityRecordInput, BusinessUnit, Site } from '../ledger/model.js';
import type { RowReader } from './cells.js';
import { selectionRegion } from '../ledger/selection-region.js';
import { problem, type Problem } from './problems.js';

export interface ActivityContext {
  readonly orgSlug: string;
  readonly sites: readonly Site[];
  readonly units: readonly BusinessUnit[];
  readonly factors: FactorIndex;
  /** A data owner's business units (lower case): each row must name one of them. */
  readonly writableUnits?: ReadonlySet<string>;
}

export function activityValidator(ctx: ActivityContext): (r: RowReader, row: number) => ActivityRecordInput | null {
  const sites = byName(ctx.sites);
  const units = byName(ctx.units);
  const unknown = (kind: 'Site' | 'BusinessUnit', list: readonly { name: string }[], name: string): Problem =>
    list.length === 0
      ? problem(`unknown${kind}NoneYet`, { name, org: ctx.orgSlug })
      : problem(`unknown${kind}`, { name, org: ctx.orgSlug, known: list.slice(0, 6).map((x) => x.name).join(', ') + (list.length > 6 ? ', …' : '') });
  const selections = new Map<string, EmissionFactor | Problem>();
  const select = (activity: string, region: string, year: number, unit: Unit): EmissionFactor | Problem => {
    const key = `${activity}\u0000${region}\u0000${year}\u0000${unit}`;
    let hit = selections.get(key);
    if (hit === undefined) {
      try {
        hit = ctx.factors.select({ activity, region, year, unit }).factor;
      } catch (e) {
        if (!(e instanceof FactorSelectionError)) throw e;
        hit = e.searched === null
          ? problem('unknownActivity', { activity, year })
          : problem('noFactorInRegion', { activity, unit, regions: e.searched.join(' → '), year });
      }
      selections.set(key, hit);
    }
    return hit;
  };

  return (r, row) => {
    const sourceId = r.text('source_id');
    const siteName = r.text('site', true);
    const site = siteName === null ? undefined : sites.get(siteName.toLowerCase());
    if (siteName !== null && site === undefined) r.report('site', unknown('Site', ctx.sites, siteName));
    const unitName = r.text('business_unit');
    const bu = unitName === null ? undefined : units.get(unitName.toLowerCase());
    if (unitName !== null && bu === undefined) r.report('business_unit', unknown('BusinessUnit', ctx.units, unitName));
    else if (ctx.writableUnits !== undefined && (unitName === null || !ctx.writableUnits.has(unitName.toLowerCase()))) {
      const units = [...ctx.writableUnits].join(', ');
      if (unitName === null) r.fail('business_unit', 'nameYourBusinessUnit', { units });
      else r.fail('business_unit', 'notYourBusinessUnit', { units, name: unitName });
    }
    const period = r.period();
    const scope = r.integer('scope', 1, 3, true) as 1 | 2 | 3 | null;
    const category = r.integer('category', 1, 15);
    if (scope === 3 && category === null && !r.has('category')) r.fail('category', 'categoryMissing');
    if (scope !== null && scope !== 3 && category !== null) r.fail('category', 'categoryNotScope3');
    const method = r.text('method');
    if (method !== null && !(SCOPE3_METHODS as readonly string[]).includes(method)) r.fail('method', 'notOneOf', { value: JSON.stringify(method), allowed: SCOPE3_METHODS.join(', ') });
    else if (method !== null && scope !== null && scope !== 3) r.fail('method', 'methodNotScope3');
    const quantity = r.number('quantity', true);
    const unit = unitOf(r);
    const priceYear = r.integer('price_year', 1900, 2200);
    if (priceYear !== null && unit !== null && !isCurrency(unit)) r.fail('price_year', 'priceYearNotMoney', { unit });
    const carrier = r.text('carrier');
    if (carrier !== null && !(SCOPE2_CARRIERS as readonly string[]).includes(carrier)) r.fail('carrier', 'notOneOf', { value: JSON.stringify(carrier), allowed: SCOPE2_CARRIERS.join(', ') });
    else if (carrier !== null && scope !== null && scope !== 2) r.fail('carrier', 'carrierNotScope2');
    const factorId = r.text('factor');
    const activity = r.text('activity');
    if (factorId !== null && activity !== null) r.fail('factor', 'factorAndActivity', { factor: factorId, activity });
    if (method === 'supplier-specific' && factorId === null) {
      r.fail('factor', 'supplierNeedsFactor');
    } else if (factorId === null && activity === null) {
      r.fail('activity', 'activityMissing');
    }
    if (r.errors.length > 0 || unit === null || site === undefined || period === null || scope === null) return null;

    let factor: EmissionFactor | Problem;
    if (factorId !== null) {
      factor = ctx.factors.get(factorId) ?? problem('unknownFactor', { factor: factorId });
      if ('unit' in factor && !canConvert(unit, factor.unit)) factor = problem('unitNotFactorUnit', { unit, factorUnit: factor.unit, factor: factorId });
    } else {
      factor = select(activity as string, selectionRegion(site, scope, activity), Number(period.start.slice(0, 4)), unit);
    }
    if ('code' in factor) r.report(factorId !== null ? 'factor' : 'activity', factor);
    else if (priceYear !== null && factor.priceYear !== undefined && priceYear !== factor.priceYear) {
      r.fail('price_year', 'priceYearMismatch', { year: priceYear, unit, factor: factor.id, factorYear: factor.priceYear });
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
    r.fail('unit', 'unknownUnit', { value: symbol });
    return null;
  }
}

/** Names match ignoring case and surrounding blanks; exact spelling is not worth a refusal. */
function byName<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.name.trim().toLowerCase(), x]));
}
