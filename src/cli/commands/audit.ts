/**
 * @module cli/commands/audit
 * `carbon-ledger audit log --org SLUG` and `audit verify --org SLUG`: the audit log the database
 * keeps of every change (docs/audit-log.md), and the check of its hash chain.
 */
import type { Command } from 'commander';
import { listAudit, verifyAudit, type AuditCheck } from '../../app/audit/read-audit.js';
import { parseInput } from '../../app/org/org-input.js';
import { auditQuery, keptHead } from '../../api/schemas.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { sqlStores } from '../../db/sql-stores.js';
import { CheckFailed } from '../exit-status.js';
import { withDataDir, withLedger, type LedgerFlags } from '../ledger-context.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log of every change, hash-chained (docs/audit-log.md)');

  withDataDir(audit.command('log'))
    .description('entries newest first, a page at a time')
    .requiredOption('--org <slug>', 'organisation')
    .option('--before <seq>', 'entries before this one (the next page)')
    .option('--limit <n>', 'entries per page (at most 500)', '50')
    .option('--json', 'print JSON (the API\'s audit page)')
    .action(async (flags: LedgerFlags & { org: string; before?: string; limit: string; json?: boolean }) => {
      const query = parseInput(auditQuery, { before: flags.before, limit: flags.limit });
      const page = await withLedger(flags, (db) => listAudit(sqlStores(db), new SqlAccountStore(db), flags.org, query));
      if (flags.json === true) {
        process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        return;
      }
      if (page.entries.length === 0) process.stdout.write(`${page.org}: no audit entries${query.before === undefined ? '' : ` before ${query.before}`}\n`);
      for (const e of page.entries) process.stdout.write(`#${e.seq}  ${e.at}  ${e.actor}  ${e.summary}\n`);
      if (page.next_before !== null) process.stdout.write(`more: --before ${page.next_before}\n`);
    });

  withDataDir(audit.command('verify'))
    .description('recompute the hash chain from the first entry; exit 3 when it is broken or does not reach --head')
    .requiredOption('--org <slug>', 'organisation')
    .option('--head <seq:hash>', 'a head kept from earlier (a published report\'s audit_head): check that the chain still reaches it')
    .option('--json', 'print JSON')
    .action(async (flags: LedgerFlags & { org: string; head?: string; json?: boolean }) => {
      const head = parseInput(keptHead.optional(), flags.head, '--head');
      const check = await withLedger(flags, (db) => verifyAudit(sqlStores(db), flags.org, head));
      process.stdout.write(flags.json === true ? JSON.stringify(check, null, 2) + '\n' : checkText(check));
      if (check.broken !== null) throw new CheckFailed(`the audit log of ${check.org} is broken at entry ${check.broken.seq}`);
      if (!check.ok) throw new CheckFailed(`the audit log of ${check.org} no longer reaches entry ${check.kept_head?.seq ?? '?'} as kept`);
    });
}

const headText = (h: { readonly seq: number; readonly hash: string }): string => `${h.seq}:${h.hash}`;

function checkText(c: AuditCheck): string {
  if (c.broken !== null) {
    const until = c.intact_until === null ? 'no entry before it holds' : `entries up to ${headText(c.intact_until)} hold`;
    return `${c.org}: audit log BROKEN at entry ${c.broken.seq}: ${c.broken.problem}\n${until}\n`;
  }
  if (c.kept_head !== null && !c.kept_head.reached) {
    return `${c.org}: ${c.entries} audit entries, each holding, but NOT reaching the kept head ${headText(c.kept_head)}: ${c.kept_head.problem ?? ''}\n`;
  }
  if (c.head === null) return `${c.org}: no audit entries yet\n`;
  const kept = c.kept_head === null ? '' : `reaches the kept head ${headText(c.kept_head)}\n`;
  return `${c.org}: ${c.entries} audit entries, hash chain intact\nhead: ${headText(c.head)}\n${kept}`
    + `keep the head outside the database; \`audit verify --org ${c.org} --head ${headText(c.head)}\` checks later that the chain still reaches it\n`;
}
