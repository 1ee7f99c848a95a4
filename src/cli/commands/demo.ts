/**
 * @module cli/commands/demo
 * `carbon-ledger demo`: loads the demo organisations (Jason's Team, Mekong Devices Group) into the
 * ledger through org apply and import, calculates, and prints the headline inventory.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadDemo } from '../../app/demo/load-demo.js';
import { reportInventory } from '../../app/report/report-inventory.js';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { loadLibrary } from '../../library/load-library.js';
import { withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';
import { printInventory } from './report-print.js';

/** examples/demo/ at the package root (two levels above src/cli/commands and dist/cli/commands). */
export const DEMO_ROOT = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));

export function registerDemo(program: Command): void {
  withDataDir(program.command('demo'))
    .description("load the demo organisations (Jason's Team, Mekong Devices Group) and show their inventory")
    .option('--quiet', 'print only the steps')
    .option('--only-missing', 'leave a demo organisation already in the database as it is, edits and all (npm start does this)')
    .action(async (flags: LedgerFlags & { quiet?: boolean; onlyMissing?: boolean }) => {
      await withLedger(flags, async (db) => {
        await loadDemo(sqlLedger(db), DEMO_ROOT, loadLibrary(), (s) => process.stdout.write(`  ${s}\n`), { onlyMissing: flags.onlyMissing === true });
        if (flags.quiet === true) return;
        for (const slug of ['jasons-team', 'mekong-devices']) {
          process.stdout.write('\n');
          printInventory(await reportInventory(sqlStores(db), { org: slug }), (l) => process.stdout.write(l + '\n'));
        }
      });
    });
}
