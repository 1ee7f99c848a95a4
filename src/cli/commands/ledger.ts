/**
 * @module cli/commands/ledger
 * `carbon-ledger recalculate --org SLUG`, `versions --org SLUG`, `records --org SLUG` and
 * `explain RECORD_ID`: calculation versions of the ledger, its records with their ids and results,
 * and the full trace of one record.
 */
import type { Command } from 'commander';
import { AppError } from '../../app/app-error.js';
import { GWP_SET_NAMES } from '../../core/index.js';
import { explainRecord, type ReportedShare } from '../../app/ledger/explain-record.js';
import { checkText } from '../../app/ledger/record-checks.js';
import { listVersions } from '../../app/ledger/list-versions.js';
import { recalculate } from '../../app/ledger/recalculate.js';
import { parseInput, requireOrg } from '../../app/org/org-input.js';
import { listRecords } from '../../app/report/list-records.js';
import { recordQuery } from '../../api/schemas.js';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { loadLibrary } from '../../library/load-library.js';
import { calcVersionFlag, withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';

interface OrgFlags extends LedgerFlags {
  readonly org: string;
  readonly json?: boolean;
  readonly gwp?: 'AR4' | 'AR5' | 'AR6';
}

export function registerLedger(program: Command): void {
  withDataDir(program.command('recalculate'))
    .description('calculate every record into a new calculation version (earlier versions are kept)')
    .requiredOption('--org <slug>', 'organisation')
    .option('--gwp <set>', "AR4, AR5 or AR6 (default: the latest version's, else AR5)")
    .option('--json', 'print JSON')
    .action(async (flags: OrgFlags) => {
      const out = await withLedger(flags, async (db) => {
        const org = await sqlStores(db).org.findOrg(flags.org);
        if (org === null) throw new AppError('not_found', `no organisation "${flags.org}"`);
        if (flags.gwp !== undefined && !(GWP_SET_NAMES as readonly string[]).includes(flags.gwp)) {
          throw new AppError('invalid_input', `--gwp ${flags.gwp}: give ${GWP_SET_NAMES.join(', ')}`);
        }
        return recalculate(sqlLedger(db), org, { kind: 'command' }, loadLibrary(), { gwp: flags.gwp });
      });
      process.stdout.write(flags.json === true ? JSON.stringify(out) + '\n' : `calculation version ${out.versionId}: ${out.records} records\n`);
    });

  withDataDir(program.command('versions'))
    .description('calculation versions of an organisation')
    .requiredOption('--org <slug>', 'organisation')
    .option('--json', 'print JSON (the API\'s versions document)')
    .action(async (flags: OrgFlags) => {
      const list = await withLedger(flags, (db) => listVersions(sqlStores(db), flags.org));
      if (flags.json === true) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      else if (list.versions.length === 0) process.stdout.write(`${flags.org} has no calculation version yet: import activity data first\n`);
      else for (const v of list.versions) process.stdout.write(`v${v.id}  ${v.created_at}  ${v.gwp}  ${v.records} records  ${v.reason}\n`);
    });

  withDataDir(program.command('records'))
    .description('activity records with their ids and results in the latest version, a page at a time (ids for explain)')
    .requiredOption('--org <slug>', 'organisation')
    .option('--year <year>', 'reporting year: 2024, or FY2022')
    .option('--month <month>', 'YYYY-MM')
    .option('--scope <n>', '1, 2 or 3')
    .option('--category <n>', 'Scope 3 category, 1–15')
    .option('--entity <name>', 'legal entity')
    .option('--site <name>', 'site')
    .option('--business-unit <name>', 'business unit')
    .option('--after <id>', 'the last record id of the previous page')
    .option('--limit <n>', 'records per page (at most 500)', '50')
    .option('--json', 'print JSON (the API\'s records page)')
    .action(async (flags: LedgerFlags & { org: string; year?: string; month?: string; scope?: string; category?: string; entity?: string;
      site?: string; businessUnit?: string; after?: string; limit: string; json?: boolean }) => {
      const query = parseInput(recordQuery, { year: flags.year, month: flags.month, scope: flags.scope, category: flags.category, entity: flags.entity,
        site: flags.site, business_unit: flags.businessUnit, after: flags.after, limit: flags.limit });
      const page = await withLedger(flags, async (db) => {
        const stores = sqlStores(db);
        return listRecords(stores, await requireOrg(stores.org, flags.org), query);
      });
      if (flags.json === true) {
        process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        return;
      }
      for (const r of page.records) {
        const kg = r.co2e_kg === null ? 'not calculated' : `${r.co2e_kg} kg CO2e${r.market_co2e_kg === null ? '' : ` (market ${r.market_co2e_kg})`}`;
        process.stdout.write(`${r.record_id}  ${r.period_start}  ${r.site}  scope ${r.scope}${r.category === null ? '' : `.${r.category}`}  ${r.quantity} ${r.unit}  ${kg}  ${r.file} row ${r.row_number}\n`);
      }
      process.stdout.write(page.next_after === null ? `${page.records.length} record(s)\n` : `more: --after ${page.next_after}\n`);
    });

  withDataDir(program.command('explain'))
    .description('the whole trace of one record: input row, conversion, factor and source, GWP, result, version')
    .argument('<record-id>', 'record id (from `records --org`)')
    .option('--org <slug>', 'only within this organisation')
    .option('--calc-version <id>', "the record's result in that calculation version of its organisation (default: the latest)")
    .option('--json', 'print JSON')
    .action(async (id: string, flags: LedgerFlags & { org?: string; calcVersion?: string; json?: boolean }) => {
      const recordId = Number(id);
      if (!Number.isInteger(recordId) || recordId <= 0) throw new AppError('invalid_input', `record id "${id}" is not a positive integer`);
      const version = flags.calcVersion === undefined ? undefined : calcVersionFlag(flags.calcVersion);
      const trace = await withLedger(flags, (db) => explainRecord(sqlStores(db), loadLibrary(), recordId, flags.org, version));
      if (flags.json === true) {
        process.stdout.write(JSON.stringify(trace, null, 2) + '\n');
        return;
      }
      const i = trace.input;
      process.stdout.write([
        `record ${trace.record_id} (${trace.organisation})`,
        `input:   ${i.file} row ${i.row_number} (sha256 ${String(i.content_hash).slice(0, 12)}…, batch ${i.batch_id}, imported ${i.imported_at} by ${i.imported_by})`,
        `         site ${i.site} / entity ${i.entity}${i.business_unit === null ? '' : ` / unit ${i.business_unit}`}; ${i.period_start}; scope ${i.scope}${i.category === null ? '' : ` category ${i.category}`}; ${i.quantity} ${i.unit}`,
        trace.calculation_version === null ? 'version: none' : `version: ${trace.calculation_version.id} (${trace.calculation_version.created_at}, ${trace.calculation_version.gwp}, ${trace.calculation_version.reason})`,
        `explain: ${trace.explanation ?? '(not calculated)'}`,
        reportedLine(trace.reported),
        trace.factor === null ? '' : `factor:  ${trace.factor.id} — ${trace.factor.dataset?.name ?? 'input'} ${trace.factor.dataset?.version ?? ''}; licence: ${trace.factor.dataset?.licence ?? ''}; ${trace.factor.dataset?.url ?? ''}`,
        ...trace.checks.map((c) => `check:   ${checkText(c)}`),
      ].filter((l) => l !== '').join('\n') + '\n');
    });
}

/** What the reports count of the record, in words. */
function reportedLine(r: ReportedShare): string {
  const kg = r.co2e_kg === null ? '' : ` = ${r.co2e_kg} kg CO2e location-based${r.market_co2e_kg === null ? '' : `, ${r.market_co2e_kg} kg market-based`}`;
  return `report:  ${r.reason}${kg}`;
}
