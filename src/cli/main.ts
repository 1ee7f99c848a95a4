/**
 * @module cli/main
 * `carbon-ledger` — the command line over the application layer. Each command lives in
 * `commands/<name>.ts`; errors become one line on stderr and a non-zero exit status here.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../app/app-error.js';
import { CheckFailed } from './exit-status.js';

type Register = (program: Command) => void;

/**
 * Command modules by the command names they register, loaded on demand: `calc` need not load the
 * database engines or the XLSX reader, which would cost a streaming run a third of a second.
 */
const COMMANDS: readonly { readonly names: readonly string[]; readonly load: () => Promise<Register> }[] = [
  { names: ['calc'], load: async () => (await import('./commands/calc.js')).registerCalc },
  { names: ['factors'], load: async () => (await import('./commands/factors.js')).registerFactors },
  { names: ['org'], load: async () => (await import('./commands/org.js')).registerOrg },
  { names: ['import'], load: async () => (await import('./commands/import.js')).registerImport },
  { names: ['imports', 'quarantine'], load: async () => (await import('./commands/imports.js')).registerImports },
  { names: ['demo'], load: async () => (await import('./commands/demo.js')).registerDemo },
  { names: ['recalculate', 'versions', 'records', 'explain'], load: async () => (await import('./commands/ledger.js')).registerLedger },
  { names: ['audit'], load: async () => (await import('./commands/audit.js')).registerAudit },
  { names: ['report'], load: async () => (await import('./commands/report.js')).registerReport },
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).registerServe },
];

/** Exit statuses: 0 ok, 1 unexpected failure, 2 bad input or usage, 3 a check found a fault. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('carbon-ledger')
    .description('Carbon Ledger: activity data to explained, cited tCO2e')
    .exitOverride()
    .showHelpAfterError();
  const named = COMMANDS.filter((c) => c.names.includes(argv[2] ?? ''));
  for (const c of named.length > 0 ? named : COMMANDS) (await c.load())(program);
  try {
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CheckFailed) {
      process.stderr.write(`carbon-ledger: ${e.message}\n`);
      return 3;
    }
    if (e instanceof AppError) {
      process.stderr.write(`carbon-ledger: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`carbon-ledger: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
