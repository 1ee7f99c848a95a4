/**
 * @module import/find-mapping
 * `--mapping NAME`: the organisation's saved mapping of that name, else the built-in one. A saved
 * mapping may shadow a built-in name on purpose (an organisation's own utility-bill layout).
 */
import { AppError } from '../app-error.js';
import { BUILTIN_MAPPINGS } from './builtin-mappings.js';
import type { ImportStore } from './import-store.js';
import { parseMapping, type NamedMapping } from './mapping-schema.js';
import { checkMapping } from './save-mapping.js';

export async function findMapping(store: ImportStore, orgId: number, name: string): Promise<NamedMapping> {
  const saved = await store.getMapping(orgId, name);
  if (saved !== null && saved !== undefined) return { name, mapping: parseMapping(name, saved) };
  const builtin = BUILTIN_MAPPINGS[name];
  if (builtin !== undefined) return { name, mapping: parseMapping(name, builtin) };
  const savedNames = (await store.listMappings(orgId)).map((m) => m.name);
  throw new AppError('not_found',
    `no mapping "${name}" (saved: ${savedNames.join(', ') || 'none'}; built-in: ${Object.keys(BUILTIN_MAPPINGS).join(', ')})`);
}

/**
 * A mapping given with one import and not saved (the CLI's --map or --mapping-file, the wizard's
 * column map), checked as a saved one would be; the batch records it under `name`.
 */
export function oneOffMapping(name: string, definition: unknown): NamedMapping {
  const named = { name, mapping: parseMapping(name, definition) };
  checkMapping(named);
  return named;
}
