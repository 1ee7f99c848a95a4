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

export function gridFactorNote(index: FactorIndex, site: { readonly name: string; readonly gridRegion: string }): string | null {
  const used = gridFactorRegion(index, site.gridRegion);
  if (used === site.gridRegion) return null;
  if (used !== null) {
    return `note: site ${site.name}: the factor library has no electricity.grid factor for ${site.gridRegion}, so its electricity takes ${used}'s (check the code if that is not meant)`;
  }
  return `note: site ${site.name}: the factor library has no electricity.grid factor for ${site.gridRegion} or a region above it: its electricity rows need activity electricity.grid-intensity (national averages) or a factor id (docs/import.md)`;
}
