/**
 * @module import/save-mapping
 * `--save-mapping NAME` from `--map 'Source col=field'` / `--const 'field=value'` pairs or from a
 * JSON mapping file. The definition is validated and compiled (field names checked against the
 * kind) before it is stored, so a saved mapping always loads.
 */
import { AppError } from '../app-error.js';
import { IMPORT_KINDS } from './canonical-fields.js';
import { compileMapping } from './compile-mapping.js';
import type { ImportStore } from './import-store.js';
import { parseMapping, type Mapping, type NamedMapping } from './mapping-schema.js';

const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A mapping from command-line pairs. Column names may contain "=", so the last one splits. */
export function mappingFromPairs(maps: readonly string[], constants: readonly string[], kind?: string): unknown {
  const split = (pair: string, last: boolean, what: string): [string, string] => {
    const at = last ? pair.lastIndexOf('=') : pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new AppError('invalid_input', `${what} "${pair}": expected ${what === '--map' ? "'Source column=canonical_field'" : "'field=value'"}`);
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  };
  return {
    ...(kind === undefined ? {} : { kind }),
    columns: Object.fromEntries(maps.map((m) => split(m, true, '--map'))),
    constants: Object.fromEntries(constants.map((c) => split(c, false, '--const'))),
  };
}

/** Checks that the mapping compiles for its kind (or, kind-less, for at least one kind). */
export function checkMapping(named: NamedMapping): Mapping {
  const kinds = named.mapping.kind === undefined ? IMPORT_KINDS : [named.mapping.kind];
  let first: unknown;
  for (const kind of kinds) {
    try {
      compileMapping(named, kind);
      return named.mapping;
    } catch (e) {
      first ??= e;
    }
  }
  throw first;
}

export async function saveMapping(store: ImportStore, orgId: number, name: string, definition: unknown): Promise<NamedMapping> {
  if (!NAME.test(name)) throw new AppError('invalid_input', `mapping name "${name}": use lower-case letters, digits, ".", "_" or "-"`);
  const named = { name, mapping: parseMapping(name, definition) };
  checkMapping(named);
  await store.saveMapping(orgId, name, named.mapping);
  return named;
}
