/**
 * @module cli/main
 * `carbon-ledger` — the command line over the application layer. Each command lives in
 * `commands/<name>.ts`; errors become one line on stderr and a non-zero exit status here.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../app/app-error.js';
import { registerCalc } from './commands/calc.js';
import { registerDemo } from './commands/demo.js';
import { registerFactors } from './commands/factors.js';
import { registerImport } from './commands/import.js';
import { registerLedger } from './commands/ledger.js';
import { registerOrg } from './commands/org.js';
import { registerReport } from './commands/report.js';

/** Exit statuses: 0 ok, 1 unexpected failure, 2 bad input or usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('carbon-ledger')
    .description('Carbon Ledger: activity data to explained, cited tCO2e')
    .exitOverride()
    .showHelpAfterError();
  registerCalc(program);
  registerFactors(program);
  registerOrg(program);
  registerImport(program);
  registerDemo(program);
  registerLedger(program);
  registerReport(program);
  try {
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof AppError) {
      process.stderr.write(`carbon-ledger: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`carbon-ledger: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
