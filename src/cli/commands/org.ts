/**
 * @module cli/commands/org
 * `carbon-ledger org …`: the organisation model — create, list, show, set, entity, site, unit,
 * metric, and apply an org file (docs/org-file.md). Every command takes --data-dir and --json.
 */
import type { Command } from 'commander';
import { ROLES } from '../../app/access/permissions.js';
import type { Member } from '../../app/accounts/account-store.js';
import { setMember } from '../../app/accounts/set-member.js';
import { addBusinessUnit } from '../../app/org/add-business-unit.js';
import { addSite, defaultedNote } from '../../app/org/add-site.js';
import { gridFactorNote } from '../../app/org/grid-factor-note.js';
import { applyOrgFile } from '../../app/org/apply-org-file.js';
import { percent } from '../../app/org/consolidation-share.js';
import { createOrganisation } from '../../app/org/create-organisation.js';
import { describeOrganisation, orgSummary } from '../../app/org/describe-organisation.js';
import { listOrganisations } from '../../app/org/list-organisations.js';
import { parseOrgFile } from '../../app/org/org-file.js';
import type { Consolidation } from '../../app/ledger/model.js';
import type { OrgStore } from '../../app/org/org-store.js';
import { describeText, orgLine, periodLabel, periodText } from '../../app/org/org-text.js';
import { setEntity } from '../../app/org/set-entity.js';
import { setMetric } from '../../app/org/set-metric.js';
import { updateOrganisation } from '../../app/org/update-organisation.js';
import { addMemberBody } from '../../api/schemas.js';
import { parseInput, requireOrg } from '../../app/org/org-input.js';
import type { Database } from '../../db/database.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { readText } from '../io.js';
import { withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';

type Flags = LedgerFlags & { readonly json?: boolean } & Record<string, unknown>;
/** What a command prints: a JSON value for --json, else lines of text. */
interface Printed { readonly json: unknown; readonly text: readonly string[] }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Commander gives strings; a non-number becomes NaN, which the use case refuses naming the field. */
const num = (v: unknown): number | undefined => (typeof v === 'string' ? (v.trim() === '' ? Number.NaN : Number(v)) : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function print(flags: Flags, p: Printed): void {
  process.stdout.write(flags.json === true ? JSON.stringify(p.json, null, 2) + '\n' : p.text.map((l) => `${l}\n`).join(''));
}

/** Opens the ledger, runs the use case on an OrgStore over it, prints the result. */
async function run(flags: Flags, work: (store: OrgStore, db: Database) => Promise<Printed>): Promise<void> {
  print(flags, await withLedger(flags, (db) => work(new SqlOrgStore(db), db)));
}

const memberLine = (m: Member): string => `  ${m.email}  ${m.role}${m.businessUnits.length === 0 ? '' : ` (${m.businessUnits.join(', ')})`}`;

/** Today in the local time zone, as the default date for consolidation shares. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function registerOrg(program: Command): void {
  const org = program.command('org').description('the organisation: legal entities, sites, business units, metrics (docs/org-file.md)');
  const leaf = (name: string, description: string): Command =>
    withDataDir(org.command(name).description(description)).option('--json', 'print JSON');

  leaf('create', 'create an organisation')
    .argument('<slug>', 'short id: lower-case letters, digits, hyphens (e.g. acme-corp)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--consolidation <approach>', 'equity_share | financial_control | operational_control')
    .option('--year-start-month <n>', 'month the reporting year starts: 1 = calendar years, 7 = July–June (FY named after its end)', '1')
    .option('--currency <code>', 'reporting currency (ISO 4217)', 'USD')
    .action((slug: string, f: Flags) => run(f, async (store) => {
      const o = orgSummary(await createOrganisation(store, {
        slug, name: str(f.name) as string, consolidation: str(f.consolidation) as Consolidation, year_start_month: num(f.yearStartMonth), currency: str(f.currency),
      }));
      return { json: o, text: [`created ${orgLine(o)}`] };
    }));

  leaf('list', 'list organisations').action((f: Flags) => run(f, async (store) => {
    const orgs = (await listOrganisations(store)).map(orgSummary);
    return { json: orgs, text: orgs.length === 0 ? ['no organisation yet (create one: carbon-ledger org create SLUG --name NAME --consolidation APPROACH)'] : orgs.map(orgLine) };
  }));

  leaf('show', 'an organisation with its entities (and their consolidation share), sites, units and metrics')
    .argument('<slug>')
    .option('--as-of <date>', 'date of the consolidation shares (default: today)')
    .action((slug: string, f: Flags) => run(f, async (store) => {
      const d = await describeOrganisation(store, loadLibrary().index, slug, str(f.asOf) ?? today());
      return { json: d, text: describeText(d) };
    }));

  leaf('set', 'change an organisation\'s name, consolidation approach, reporting-year start or currency')
    .argument('<slug>')
    .option('--name <name>').option('--consolidation <approach>').option('--year-start-month <n>').option('--currency <code>')
    .action((slug: string, f: Flags) => run(f, async (store) => {
      const o = orgSummary(await updateOrganisation(store, slug, {
        name: str(f.name), consolidation: str(f.consolidation) as Consolidation, year_start_month: num(f.yearStartMonth), currency: str(f.currency),
      }));
      return { json: o, text: [`updated ${orgLine(o)}`] };
    }));

  leaf('entity', 'add or update a legal entity; with --from, its ownership and control from that date')
    .argument('<slug>').argument('<name>', 'legal entity name')
    .option('--country <cc>', 'ISO 3166 alpha-2 country of incorporation')
    .option('--from <date>', 'date the ownership and control below take effect (YYYY-MM-DD)')
    .option('--ownership <pct>', 'ownership percentage 0–100 (needed for a first period)')
    .option('--financial-control', 'the organisation has financial control').option('--no-financial-control', 'it has not (first period default)')
    .option('--operational-control', 'the organisation has operational control').option('--no-operational-control', 'it has not (first period default)')
    .action((slug: string, name: string, f: Flags) => run(f, async (store) => {
      const r = await setEntity(store, slug, {
        name, country: str(f.country), from: str(f.from), ownership_pct: num(f.ownership),
        financial_control: bool(f.financialControl), operational_control: bool(f.operationalControl),
      });
      const entity = { name: r.entity.name, country: r.entity.country };
      const text = [`entity ${r.entity.name}${r.entity.country === null ? '' : ` (${r.entity.country})`} in ${r.org.slug}`];
      if (r.period !== null && r.share !== null) text.push(`  ${periodText(r.period)}`, `  share under ${r.org.consolidation}: ${percent(r.share.share)} — ${r.share.reason}`);
      const period = r.period === null ? null : {
        from: r.period.validFrom, ownership_pct: r.period.ownershipPct, financial_control: r.period.financialControl, operational_control: r.period.operationalControl,
      };
      return { json: { org: r.org.slug, entity, period, share: r.share?.share ?? null, share_reason: r.share?.reason ?? null }, text };
    }));

  leaf('site', 'add or update a site; grid region and market default to the site\'s country; on an update, what is not given stays')
    .argument('<slug>').argument('<name>', 'site name')
    .option('--entity <name>', 'the legal entity the site belongs to (required for a new site)')
    .option('--country <cc>', 'ISO 3166 alpha-2 country (required for a new site)')
    .option('--grid-region <code>', 'grid sub-region for location-based factors, e.g. US-RFCE (default: the country)')
    .option('--market <code>', 'electricity market for market-based Scope 2 (default: the country)')
    .action((slug: string, name: string, f: Flags) => run(f, async (store) => {
      const r = await addSite(store, slug, { name, entity: str(f.entity), country: str(f.country), grid_region: str(f.gridRegion), market: str(f.market) });
      const s = { name: r.site.name, entity: r.entity, country: r.site.country, grid_region: r.site.gridRegion, market: r.site.market };
      const text = [`site ${s.name} in ${r.org.slug}: ${s.entity}, ${s.country}, grid region ${s.grid_region}, market ${s.market}`];
      for (const field of r.defaulted) text.push(`  note: no ${field.replace('_', ' ')} given, so it is the country (${s.country}) — the rule when none is given`);
      const grid = gridFactorNote(loadLibrary().index, r.site);
      if (grid !== null) text.push(`  ${grid}`);
      return { json: { org: r.org.slug, site: s, defaulted_to_country: r.defaulted, grid_note: grid }, text };
    }));

  leaf('unit', 'add a business unit').argument('<slug>').argument('<name>', 'business unit name')
    .action((slug: string, name: string, f: Flags) => run(f, async (store) => {
      const r = await addBusinessUnit(store, slug, { name });
      return { json: { org: r.org.slug, business_unit: r.unit.name }, text: [`business unit ${r.unit.name} in ${r.org.slug}`] };
    }));

  leaf('member', 'give an account (signed up in the web app or API) a role in the organisation')
    .argument('<slug>').argument('<email>', 'the account\'s e-mail address')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--business-unit <name>', 'a data owner\'s business unit (repeat for more)', (v: string, p: string[] | undefined) => [...(p ?? []), v])
    .action((slug: string, email: string, f: Flags) => run(f, async (store, db) => {
      const input = parseInput(addMemberBody, { email, role: f.role, business_units: f.businessUnit ?? [] });
      const members = await setMember(new SqlAccountStore(db), store, await requireOrg(store, slug), input);
      return { json: { org: slug, members }, text: [`${email} is ${input.role} of ${slug}`, ...members.map(memberLine)] };
    }));

  leaf('members', 'the organisation\'s members and their roles').argument('<slug>')
    .action((slug: string, f: Flags) => run(f, async (store, db) => {
      const members = await new SqlAccountStore(db).listMembers((await requireOrg(store, slug)).orgId);
      return { json: { org: slug, members }, text: members.length === 0 ? [`${slug} has no members yet: carbon-ledger org member ${slug} EMAIL --role admin`] : members.map(memberLine) };
    }));

  leaf('metric', 'set an organisation metric (revenue, employees…) for a reporting year or a period')
    .argument('<slug>').argument('<metric>', 'metric name, e.g. revenue, employees, floor_area')
    .option('--year <year>', 'reporting year: 2024, or FY2022 for fiscal years (named after the year they end in)')
    .option('--period-start <date>', 'instead of --year: first day (YYYY-MM-DD)')
    .option('--period-end <date>', 'instead of --year: day after the last (YYYY-MM-DD, exclusive)')
    .requiredOption('--value <n>', 'the value').requiredOption('--unit <unit>', 'its unit, e.g. USD or FTE')
    .action((slug: string, metric: string, f: Flags) => run(f, async (store) => {
      const r = await setMetric(store, slug, {
        metric, year: str(f.year), period_start: str(f.periodStart), period_end: str(f.periodEnd), value: num(f.value) as number, unit: str(f.unit) as string,
      });
      const m = { metric: r.metric.metric, year: r.year, period_start: r.metric.periodStart, period_end: r.metric.periodEnd, value: r.metric.value, unit: r.metric.unit };
      return { json: { org: r.org.slug, ...m }, text: [`${m.metric} ${periodLabel(m)} = ${m.value} ${m.unit} in ${r.org.slug}`] };
    }));

  leaf('apply', 'create or update an organisation from an org file (YAML or JSON), all or nothing')
    .argument('<file>', 'org file (docs/org-file.md); - reads stdin')
    .action(async (file: string, f: Flags) => {
      // Parsed before the ledger is opened: a bad file never touches the database.
      const source = file === '-' ? 'stdin' : file;
      const parsed = parseOrgFile(await readText(file), source);
      const r = await withLedger(f, (db) => applyOrgFile((work) => db.transaction((tx) => work(new SqlOrgStore(tx))), parsed, source));
      const c = r.counts;
      const what = r.created ? 'created' : r.changed ? 'updated' : 'unchanged';
      const factors = loadLibrary().index;
      const gridNotes = parsed.sites.flatMap((s) => gridFactorNote(factors, { name: s.name, gridRegion: s.grid_region ?? s.country }) ?? []);
      print(f, {
        json: { org: orgSummary(r.org), created: r.created, changed: r.changed, counts: c, defaulted_to_country: r.defaulted.map(({ site, fields }) => ({ site, fields })), grid_notes: gridNotes },
        text: [`${what} ${orgLine(orgSummary(r.org))}`,
          `  from ${source}: ${c.entities} entities (${c.periods} periods), ${c.sites} sites, ${c.business_units} business units, ${c.metrics} metrics`,
          ...r.defaulted.map((d) => `  ${defaultedNote(d.site, d.country, d.fields)}`), ...gridNotes.map((n) => `  ${n}`)],
      });
    });
}
