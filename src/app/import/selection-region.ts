/**
 * @module import/selection-region
 * The region a stored activity selects its factor in: the site's grid region for electricity
 * (Scope 2, or any `electricity.*` key) — sub-regional grids differ a lot — else its country.
 * Never a default: a site always has both (sites table, NOT NULL).
 */
import type { Site } from '../ledger/model.js';

export function selectionRegion(site: Pick<Site, 'country' | 'gridRegion'>, scope: number, activity: string | null): string {
  return scope === 2 || (activity !== null && activity.startsWith('electricity.')) ? site.gridRegion : site.country;
}
