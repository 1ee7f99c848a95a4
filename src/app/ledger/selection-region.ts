/**
 * @module ledger/selection-region
 * The region a stored activity selects its factor in: the site's grid region for electricity
 * (Scope 2, or any `electricity.*` key) — sub-regional grids differ a lot — else its country.
 * Never a default: a site always has both (sites table, NOT NULL). Used by import (to check a
 * factor exists) and by calculation (to select it), so both agree.
 */
import type { Site } from '../ledger/model.js';

export function selectionRegion(site: Pick<Site, 'country' | 'gridRegion'>, scope: number, activity: string | null): string {
  return scope === 2 || (activity !== null && activity.startsWith('electricity.')) ? site.gridRegion : site.country;
}
