/**
 * @module cli/commands/imports
 * `carbon-ledger imports --org SLUG`: the organisation's import batches; `carbon-ledger quarantine
 * --org SLUG --batch N [--csv]`: the rows a --quarantine import kept apart, with their errors, or
 * as a CSV of their original columns to fix and import again.
 */
import type { Command } from 'commander';
import { AppError } from '../../app/app-error.js';
import { formatRowError } from '../../app/import/import-file.js';
import { listImports } from '../../app/import/list-imports.js';
import { listQuarantined, openRows, quarantinedCsv } from '../../app/import/list-quarantined.js';
import { pathId } from '../../api/schemas.js';
import { sqlStores } from '../../db/sql-stores.js';
import { withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';

export function registerImports(program: Command): void {
  withDataDir(program.command('imports'))
    .description('import batches of an organisation: file, content hash, rows imported and quarantined, who and when')
    .requiredOption('--org <slug>', 'organisation')
    .option('--json', 'print JSON')
    .action(async (flags: LedgerFlags & { org: string; json?: boolean }) => {
      const list = await withLedger(flags, (db) => listImports(sqlStores(db), flags.org));
      if (flags.json === true) {
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      if (list.batches.length === 0) process.stdout.write(`${flags.org} has no imports yet\n`);
      for (const b of list.batches) {
        const quarantined = b.rows_quarantined === 0 ? '' : `, ${b.rows_quarantined} quarantined (quarantine --batch ${b.batch_id})`;
        process.stdout.write(`${b.batch_id}  ${b.imported_at}  ${b.file_name}  ${b.kind}: ${b.rows_imported} of ${b.rows_total} rows${quarantined}  by ${b.imported_by}  sha256 ${b.content_hash.slice(0, 12)}…\n`);
      }
    });

  withDataDir(program.command('quarantine'))
    .description('the rows an import kept apart with --quarantine, with their errors (--csv: the rows to fix and import again)')
    .requiredOption('--org <slug>', 'organisation')
    .requiredOption('--batch <id>', 'import batch (from `imports --org`)')
    .option('--csv', 'print the rows as CSV with their original columns')
    .option('--json', 'print JSON')
    .action(async (flags: LedgerFlags & { org: string; batch: string; csv?: boolean; json?: boolean }) => {
      const id = pathId.safeParse(flags.batch);
      if (!id.success) throw new AppError('invalid_input', `--batch "${flags.batch}" is not a batch id (see: carbon-ledger imports --org ${flags.org})`);
      const batchId = id.data;
      const q = await withLedger(flags, (db) => listQuarantined(sqlStores(db), flags.org, batchId));
      if (flags.json === true) {
        process.stdout.write(JSON.stringify(q, null, 2) + '\n');
        return;
      }
      if (flags.csv === true) {
        if (q.rows.length === 0) throw new AppError('not_found', `batch ${batchId} (${q.batch.file_name}) has no quarantined rows`);
        if (openRows(q).length === 0) throw new AppError('not_found', `batch ${batchId} (${q.batch.file_name}): the ledger holds all ${q.rows.length} of its quarantined rows under their source ids; none is left to fix`);
        process.stdout.write(quarantinedCsv(q));
        return;
      }
      const inLedger = q.rows.length - openRows(q).length;
      process.stdout.write(`batch ${batchId} (${q.batch.file_name}): ${q.rows.length} quarantined row(s)${inLedger === 0 ? '' : `, ${inLedger} of them in the ledger`}${q.rows.length === 0 ? '' : ':'}\n`);
      for (const r of q.rows) {
        const mark = r.in_ledger === null ? '' : ` [in the ledger: batch ${r.in_ledger.batch_id}, row ${r.in_ledger.row}]`;
        r.errors.forEach((e, i) => process.stdout.write(`  ${formatRowError({ file: q.batch.file_name, row: r.row, label: r.label, ...e })}${i === 0 ? mark : ''}\n`));
      }
    });
}
