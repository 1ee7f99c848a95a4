/**
 * @module cli/commands/report
 * `carbon-ledger report inventory --org SLUG [--year FY2022] [--calc-version N] [--json | --format csv|xlsx [--lang L]] [--output F]`:
 * the text report, or the JSON, CSV or XLSX export, printed or written to F (whose name tells the format when none is given).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../app/app-error.js';
import { inventoryCsv, inventoryWorkbook } from '../../app/report/inventory-files.js';
import { inventoryTables } from '../../app/report/inventory-table.js';
import { REPORT_LANGUAGES } from '../../app/report/report-labels.js';
import { reportInventory, type InventoryReport } from '../../app/report/report-inventory.js';
import { sqlStores } from '../../db/sql-stores.js';
import { calcVersionFlag, withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';
import { printInventory } from './report-print.js';

interface Flags extends LedgerFlags {
  readonly org: string;
  readonly year?: string;
  readonly calcVersion?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly lang?: string;
  readonly output?: string;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('reports from the ledger');
  withDataDir(report.command('inventory'))
    .description('GHG inventory for a reporting year (latest year with data if --year is not given)')
    .requiredOption('--org <slug>', 'organisation')
    .option('--year <year>', 'reporting year: 2024, or FY2022 for fiscal years')
    .option('--calc-version <id>', 'an earlier calculation version (from `versions --org`), to reproduce a figure published from it')
    .option('--json', 'print JSON (docs/report-format.md)')
    .option('--format <format>', 'csv or xlsx (default: what --output ends in); csv without --output prints it')
    .option('--lang <lang>', `labels of the csv/xlsx file: ${REPORT_LANGUAGES.join(', ')} (default en)`)
    .option('-o, --output <file>', 'write the report here: .csv, .xlsx or .json')
    .action(async (flags: Flags) => {
      const version = flags.calcVersion === undefined ? undefined : calcVersionFlag(flags.calcVersion);
      const r = await withLedger(flags, (db) => reportInventory(sqlStores(db), { org: flags.org, year: flags.year, version }));
      await emit(r, flags);
    });
}

type Format = 'csv' | 'xlsx' | 'json';

/** The export asked for: --format, else --json, else what --output's name ends in; null for the text report. */
function formatOf(flags: Flags): Format | null {
  if (flags.format !== undefined && flags.format !== 'csv' && flags.format !== 'xlsx') throw new AppError('invalid_input', `--format "${flags.format}": use csv or xlsx`);
  if (flags.format !== undefined && flags.json === true) throw new AppError('invalid_input', `--json and --format ${flags.format} ask for two formats: give one`);
  const asked = flags.format ?? (flags.json === true ? 'json' : undefined);
  if (flags.output === undefined) return (asked as Format | undefined) ?? null;
  const ext = /\.(csv|xlsx|json)$/i.exec(flags.output)?.[1]?.toLowerCase() as Format | undefined;
  if (asked !== undefined && ext !== undefined && ext !== asked) {
    throw new AppError('invalid_input', `--output ${flags.output} names a .${ext} file, but ${asked === 'json' ? '--json' : `--format ${asked}`} asks for ${asked}`);
  }
  const format = (asked as Format | undefined) ?? ext;
  if (format === undefined) throw new AppError('invalid_input', `--output ${flags.output}: name the file .csv, .xlsx or .json, or give --format csv|xlsx`);
  return format;
}

async function emit(r: InventoryReport, flags: Flags): Promise<void> {
  const format = formatOf(flags);
  if (format === null) {
    printInventory(r, (l) => process.stdout.write(l + '\n'));
    return;
  }
  if (format === 'xlsx' && flags.output === undefined) throw new AppError('invalid_input', '--format xlsx needs --output FILE (a workbook is not printed)');
  const text = format === 'json' ? JSON.stringify(r, null, 2) + '\n' : format === 'csv' ? inventoryCsv(inventoryTables(r, flags.lang)) : null;
  if (flags.output === undefined) {
    process.stdout.write(text ?? '');
    return;
  }
  if (text === null) await inventoryWorkbook(inventoryTables(r, flags.lang)).xlsx.writeFile(flags.output);
  else await writeFile(flags.output, text);
  process.stdout.write(`wrote ${flags.output}\n`);
}
