/**
 * @module cli/commands/factors
 * `carbon-ledger factors search TEXT [--region R] [--year Y] [--json]` and `factors show ID`:
 * browse the shipped factor library; the ids found can be used in `calc` inputs.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../app/app-error.js';
import { factorSummary, type FactorSummary } from '../../app/factors/factor-summary.js';
import { regionFallbacks, searchFactors } from '../../core/index.js';
import { loadLibrary } from '../../library/load-library.js';

const YEAR = 'must be a year from 1900 to 2200, like 2024';
const LIMIT = 'must be a whole number of at least 1';
const searchFlags = z.object({
  region: z.string().optional(),
  year: z.coerce.number({ error: YEAR }).int(YEAR).min(1900, YEAR).max(2200, YEAR).optional(),
  limit: z.coerce.number({ error: LIMIT }).int(LIMIT).positive(LIMIT).default(25),
  json: z.boolean().optional(),
});

/** The flags, or a usage error naming the first bad one (exit 2, not a stack trace). */
function parseSearchFlags(raw: unknown): z.output<typeof searchFlags> {
  const r = searchFlags.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('invalid_input', `--${String(issue?.path[0] ?? '?')} ${issue?.message ?? 'is not valid'}`);
}

export function registerFactors(program: Command): void {
  const factors = program.command('factors').description('the emission-factor library');
  factors
    .command('search')
    .argument('<text...>', 'words that must all appear (id, name, activity or dataset)')
    .option('--region <code>', 'keep factors usable in this region (e.g. US-RFCE, CN, GB)')
    .option('--year <year>', 'keep the factor calculation takes for this year: the latest not after it, else the earliest after it')
    .option('--limit <n>', 'at most this many results', '25')
    .option('--json', 'print JSON')
    .description('find factors; their ids can be used in calc inputs')
    .action((text: string[], raw: unknown) => {
      const flags = parseSearchFlags(raw);
      const lib = loadLibrary();
      const hits = searchFactors(lib.index.all(), { text: text.join(' '), ...flags });
      const found = hits.map((f) => factorSummary(f, lib.gwpSets.AR5));
      if (flags.json === true) process.stdout.write(JSON.stringify(found, null, 2) + '\n');
      else printTable(found);
      const wider = flags.region === undefined ? null : regionFallbacks(lib.index.all(), flags.region, hits);
      if (wider !== null) {
        process.stderr.write(`note: the library has no factor for region ${flags.region} itself (check the code); listed are those of the regions it falls back to: ${wider.join(', ')}\n`);
      }
    });
  factors
    .command('show')
    .argument('<id>', 'factor id')
    .description('one factor with its source, as JSON')
    .action((id: string) => {
      const lib = loadLibrary();
      const f = lib.index.get(id);
      if (f === undefined) throw new AppError('not_found', `no factor with id "${id}" (try: carbon-ledger factors search …)`);
      process.stdout.write(JSON.stringify(factorSummary(f, lib.gwpSets.AR5), null, 2) + '\n');
    });
}

function printTable(rows: readonly FactorSummary[]): void {
  if (rows.length === 0) {
    process.stdout.write('no factor found\n');
    return;
  }
  for (const r of rows) {
    process.stdout.write(`${r.id}\n    ${r.name} | ${r.region} ${r.year ?? ''} | ${r.kg_co2e_per_unit} kg CO2e/${r.unit} (${r.gwp}) | ${r.dataset?.name ?? ''}\n`);
  }
}
