/**
 * @module factors/selection-fallback
 * Each step factor selection took away from what was asked (ADR 0002), as data: the web app words
 * it in the reader's language (a record trace's `formula.selection`), and `fallbackText` in English
 * for the engine's one-sentence explanation.
 */

export type SelectionFallback =
  /** No factor for the activity in `region`: `used`, the next region up its hierarchy. */
  | { readonly kind: 'region'; readonly activity: string; readonly region: string; readonly used: string }
  /** The activity has no period: the latest year published for `region`. */
  | { readonly kind: 'latest'; readonly region: string; readonly used: number }
  /** No value for `year`: `used`, the latest year before it. */
  | { readonly kind: 'notAfter'; readonly region: string; readonly year: number; readonly used: number }
  /** Nothing published for `year` or earlier: `used`, the earliest year published. */
  | { readonly kind: 'earliest'; readonly region: string; readonly year: number; readonly used: number };

export function fallbackText(f: SelectionFallback): string {
  switch (f.kind) {
    case 'region': return `no ${f.activity} factor for ${f.region}; used ${f.used} (region hierarchy)`;
    case 'latest': return `no period given; used the latest published for ${f.region} (${f.used})`;
    case 'notAfter': return `no ${f.year} value for ${f.region}; used ${f.used}, the latest not after ${f.year}`;
    case 'earliest': return `no value for ${f.region} in ${f.year} or earlier; used ${f.used}, the earliest published`;
  }
}

/** The fallbacks of one selection in English, `; ` between them. */
export const fallbacksText = (fallbacks: readonly SelectionFallback[]): string => fallbacks.map(fallbackText).join('; ');
