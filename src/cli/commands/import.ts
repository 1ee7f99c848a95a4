/**
 * @module cli/commands/import
 * `carbon-ledger import FILE --org SLUG [--mapping NAME | --mapping-file F | --map 'Col=field'…]
 * [--save-mapping NAME] [--kind K] [--quarantine] [--allow-repeats] [--dry-run] [--by NAME] [--json]` (docs/import.md). A new
 * batch triggers a recalculation of the organisation; a refused file exits with status 2.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../app/app-error.js';
import { IMPORT_KINDS, type ImportKind } from '../../app/import/canonical-fields.js';
import { findMapping, oneOffMapping } from '../../app/import/find-mapping.js';
import { importAndRecalculate, type ImportOutcome } from '../../app/import/import-and-recalculate.js';
import type { ImportSource } from '../../app/import/import-file.js';
import type { NamedMapping } from '../../app/import/mapping-schema.js';
import { mappingFromPairs, saveMapping } from '../../app/import/save-mapping.js';
import type { Organisation } from '../../app/ledger/model.js';
import { SqlImportStore } from '../../db/sql-import-store.js';
import { sqlLedger } from '../../db/sql-stores.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { readJson } from '../io.js';
import { cliActor, withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';
import { byteProgress, importJson, importText, refusal } from './import-print.js';

interface ImportFlags extends LedgerFlags {
  readonly org: string;
  readonly mapping?: string;
  readonly mappingFile?: string;
  readonly saveMapping?: string;
  readonly map?: string[];
  readonly const?: string[];
  readonly kind?: string;
  readonly quarantine?: boolean;
  readonly allowRepeats?: boolean;
  readonly dryRun?: boolean;
  readonly by?: string;
  readonly json?: boolean;
}

/** ` --data-dir DIR` when the command was given one, for the commands it suggests next. */
const dataDirFlag = (flags: ImportFlags): string => (flags.dataDir === undefined ? '' : ` --data-dir ${flags.dataDir}`);

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerImport(program: Command): void {
  withDataDir(program.command('import'))
    .description('import activities, instruments or metrics from CSV, XLSX, JSON or NDJSON (docs/import.md)')
    .argument('[file]', '.csv, .xlsx, .json (array or NDJSON), .ndjson or .jsonl')
    .requiredOption('--org <slug>', 'the organisation')
    .option('--mapping <name>', 'saved or built-in mapping (default: canonical)')
    .option('--mapping-file <file>', 'JSON mapping for this import, or to save with --save-mapping')
    .option('--map <pair>', "'Source column=canonical_field' (repeatable)", collect)
    .option('--const <pair>', "'field=value' constant (repeatable)", collect)
    .option('--save-mapping <name>', 'save the mapping from --map/--const or --mapping-file for the organisation')
    .option('--kind <kind>', `${IMPORT_KINDS.join(' | ')} (default: the mapping's, else activities)`)
    .option('--quarantine', 'import the good rows and keep the bad ones apart with their errors')
    .option('--allow-repeats', 'take rows whose source_id the ledger holds already from another import, or an earlier row of the file gave (other activities under the same id)')
    .option('--dry-run', 'read, validate and calculate every row, and say what an import would do; write nothing')
    .option('--by <name>', 'who imports, for the batch record (default: the login name)')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, flags: ImportFlags) => {
      if (file === undefined && flags.saveMapping === undefined) throw new AppError('invalid_input', 'give a FILE to import (or --save-mapping NAME to only save a mapping)');
      if (flags.dryRun === true && flags.saveMapping !== undefined) throw new AppError('invalid_input', '--dry-run writes nothing: save the mapping without it (--save-mapping NAME alone)');
      const kind = kindOf(flags.kind);
      await withLedger(flags, async (db) => {
        const imports = new SqlImportStore(db);
        const orgs = new SqlOrgStore(db);
        const org = await orgs.findOrg(flags.org);
        if (org === null) throw new AppError('not_found', `no organisation "${flags.org}" (create one: carbon-ledger org create)`);
        const mapping = await chooseMapping(flags, imports, org, kind);
        if (file === undefined) {
          process.stdout.write(flags.json === true ? JSON.stringify({ saved: mapping.name, mapping: mapping.mapping }, null, 2) + '\n' : `saved mapping "${mapping.name}" for ${org.slug}\n`);
          return;
        }
        const progress = byteProgress(basename(file));
        let outcome: ImportOutcome;
        try {
          outcome = await importAndRecalculate(sqlLedger(db), loadLibrary(), {
            org, source: await fileSource(file), mapping, kind, quarantine: flags.quarantine === true, allowRepeats: flags.allowRepeats === true,
            dryRun: flags.dryRun === true, importedBy: flags.by ?? cliActor(), onProgress: progress.update,
          });
        } finally {
          progress.stop();
        }
        const { result, calc: recalculated } = outcome;
        const out = flags.json === true ? JSON.stringify(importJson(result, recalculated), null, 2) + '\n' : importText(result, recalculated, `${flags.org}${dataDirFlag(flags)}`, sameMapping(flags));
        if (result.status === 'rejected') {
          if (flags.json === true) process.stdout.write(out);
          throw new AppError('invalid_input', refusal(result, flags.json === true));
        }
        process.stdout.write(out);
      });
    });
}

/** The flags that read a file as this one was read, for the fixed file of its quarantined rows. */
function sameMapping(flags: ImportFlags): string {
  const mapping = flags.mapping !== undefined ? ` --mapping ${flags.mapping}` : flags.mappingFile !== undefined ? ` --mapping-file ${flags.mappingFile}`
    : (flags.map ?? []).length + (flags.const ?? []).length > 0 ? ' with the same --map/--const flags' : '';
  return `${mapping}${flags.kind === undefined ? '' : ` --kind ${flags.kind}`}`;
}

function kindOf(kind: string | undefined): ImportKind | undefined {
  if (kind === undefined) return undefined;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new AppError('invalid_input', `--kind "${kind}": expected ${IMPORT_KINDS.join(', ')}`);
  return kind as ImportKind;
}

/** --save-mapping, --mapping-file, inline --map/--const, or --mapping NAME (default canonical). */
async function chooseMapping(flags: ImportFlags, imports: SqlImportStore, org: Organisation, kind: ImportKind | undefined): Promise<NamedMapping> {
  const [maps, constants] = [flags.map ?? [], flags.const ?? []];
  const inline = maps.length > 0 || constants.length > 0;
  const sources = [flags.mapping !== undefined, flags.mappingFile !== undefined, inline].filter(Boolean).length;
  if (sources > 1) throw new AppError('invalid_input', 'give one of --mapping, --mapping-file or --map/--const');
  const definition = flags.mappingFile !== undefined ? await readJson(flags.mappingFile) : inline ? mappingFromPairs(maps, constants, kind) : undefined;
  if (flags.saveMapping !== undefined) {
    if (definition === undefined) throw new AppError('invalid_input', '--save-mapping needs --map/--const pairs or --mapping-file');
    return saveMapping(imports, org.orgId, flags.saveMapping, definition);
  }
  if (definition === undefined) return findMapping(imports, org.orgId, flags.mapping ?? 'canonical');
  // A one-off mapping is recorded on the batch by where it came from.
  return oneOffMapping(flags.mappingFile !== undefined ? `file:${basename(flags.mappingFile)}` : 'inline', definition);
}

/** A file as an import source; read twice (hash, rows), so stdin cannot be one. */
async function fileSource(path: string): Promise<ImportSource> {
  if (path === '-') throw new AppError('invalid_input', 'import reads a file, not stdin (its content is hashed before it is read)');
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new AppError('invalid_input', `${path} is not a file`);
    return { name: basename(path), size: s.size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('not_found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
