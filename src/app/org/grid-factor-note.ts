/**
 * @module org/grid-factor-note
 * What a site's grid region gives its electricity, said when the site is set: the shipped library
 * may have no location-based grid factor for the region (a typo such as `US-FOO`, or a country the
 * library covers only with grid intensities), and the calculation would then fall back to a wider
 * region or refuse the rows. The site is kept as given; the note says what will happen.
 */
import { FactorSelectionError, type FactorIndex } from '../../core/index.js';

/** The region whose electricity.grid factor a site in `gridRegion` takes: itself, one above it, or null for none. */
export function gridFactorRegion(index: FactorIndex, gridRegion: string): string | null {
  try {
    return index.select({ activity: 'electricity.grid', region: gridRegion, year: null }).factor.region;
  } catch (e) {
    if (!(e instanceof FactorSelectionError)) throw e;
    return null;
  }
}

/** What a site in `gridRegion` whose electricity takes `used`'s grid factor (gridFactorRegion) should know; null when it is its own. */
export function gridFallbackText(gridRegion: string, used: string | null): string | null {
  if (used === gridRegion) return null;
  if (used !== null) return `the factor library has no electricity.grid factor for ${gridRegion}, so its electricity takes ${used}'s (check the code if that is not meant)`;
  return `the factor library has no electricity.grid factor for ${gridRegion} or a region above it: its electricity rows need activity electricity.grid-intensity (national averages) or a factor id (docs/import.md)`;
}

export function gridFactorNote(index: FactorIndex, site: { readonly name: string; readonly gridRegion: string }): string | null {
  const text = gridFallbackText(site.gridRegion, gridFactorRegion(index, site.gridRegion));
  return text === null ? null : `note: site ${site.name}: ${text}`;
}
