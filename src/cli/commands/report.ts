/**
 * @module cli/commands/report
 * `carbon-ledger report inventory --org SLUG [--year FY2022] [--calc-version N] [--json | --format csv|xlsx [--lang L] --output F]`.
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
    .option('--format <format>', 'csv or xlsx (with --output)')
    .option('--lang <lang>', `labels of the csv/xlsx file: ${REPORT_LANGUAGES.join(', ')} (default en)`)
    .option('-o, --output <file>', 'write the export here')
    .action(async (flags: Flags) => {
      const version = flags.calcVersion === undefined ? undefined : calcVersionFlag(flags.calcVersion);
      const r = await withLedger(flags, (db) => reportInventory(sqlStores(db), { org: flags.org, year: flags.year, version }));
      await emit(r, flags);
    });
}

async function emit(r: InventoryReport, flags: Flags): Promise<void> {
  if (flags.format !== undefined) {
    if (flags.output === undefined) throw new AppError('invalid_input', '--format needs --output FILE');
    const tables = inventoryTables(r, flags.lang);
    if (flags.format === 'csv') await writeFile(flags.output, inventoryCsv(tables));
    else if (flags.format === 'xlsx') await inventoryWorkbook(tables).xlsx.writeFile(flags.output);
    else throw new AppError('invalid_input', `--format "${flags.format}": use csv or xlsx`);
    process.stdout.write(`wrote ${flags.output}\n`);
    return;
  }
  if (flags.json === true) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else printInventory(r, (l) => process.stdout.write(l + '\n'));
}
