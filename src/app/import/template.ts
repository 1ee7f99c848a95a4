/**
 * @module import/template
 * Mapping templates: `travel.air.{Haul|slug}.{Class|slug}.with-rf`. `{Column}` is the cell as
 * written (trimmed); `{Column|slug}` lower-cases it and turns every run of other characters than
 * letters and digits into one hyphen ("Premium Economy" → `premium-economy`), so that free-text
 * codes in a file become the library's activity keys.
 */
import { AppError } from '../app-error.js';
import { headerKey, isBlank, type Cell } from './canonical-fields.js';
import { cellText } from './cells.js';

export interface Template {
  /** Header keys of the columns the template reads. */
  readonly columns: readonly string[];
  /** The text, or the first referenced column that is blank (as the mapping spells it). */
  render(cells: Readonly<Record<string, Cell>>): string | { blank: string };
}

const PLACEHOLDER = /\{([^{}|]+)(?:\|([a-z]+))?\}/g;

export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export function compileTemplate(text: string, where: string): Template {
  const parts: (string | { column: string; name: string; slug: boolean })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const filter = m[2];
    if (filter !== undefined && filter !== 'slug') throw new AppError('invalid_input', `${where}: unknown filter "|${filter}" (only |slug)`);
    const name = (m[1] as string).trim();
    parts.push(text.slice(last, m.index), { column: headerKey(name), name, slug: filter === 'slug' });
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  const columns = parts.flatMap((p) => (typeof p === 'string' ? [] : [p.column]));
  return {
    columns,
    render(cells) {
      let out = '';
      for (const p of parts) {
        if (typeof p === 'string') {
          out += p;
          continue;
        }
        const cell = cells[p.column] ?? null;
        if (isBlank(cell)) return { blank: p.name };
        out += p.slug ? slug(cellText(cell)) : cellText(cell);
      }
      return out;
    },
  };
}
