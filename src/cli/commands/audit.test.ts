import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../../db/pglite-database.js';
import { openTestDatabase } from '../../test-support/databases.js';

// The built command line, as a user runs it: the audit log of the demo, kept in the user's name,
// on PGlite in a data directory and on the machine's PostgreSQL.
const BIN = fileURLToPath(new URL('../../../bin/carbon-ledger.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-audit-cli-'));
const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, USER: 'jason', ...env } });

describe('carbon-ledger audit', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists the demo\'s changes in the user\'s name, verifies the chain, and exits 3 once an entry was changed', async () => {
    const pglite = (...args: string[]) => run({ DATABASE_URL: '' }, ...args, '--data-dir', dataDir);
    expect(pglite('demo', '--quiet').status).toBe(0);
    const page = pglite('audit', 'log', '--org', 'jasons-team', '--limit', '2');
    expect(page.stdout).toMatch(/^#29 {2}\S+Z {2}jason {2}calculation version 1: records 0 → 456\n#28 .* jason {2}added calculation version 1 \(reason demo load, gwp AR5, consolidation operational_control\)\nmore: --before 28\n$/);
    const first = JSON.parse(pglite('audit', 'log', '--org', 'jasons-team', '--before', '2', '--json').stdout) as { entries: { summary: string }[]; next_before: number | null };
    expect(first).toMatchObject({ next_before: null, entries: [{ summary: 'added organisation Jason\'s Team (jasons-team) (consolidation operational_control, year_start_month 7, currency USD)' }] });

    const ok = pglite('audit', 'verify', '--org', 'jasons-team');
    expect([ok.status, ok.stdout.split('\n')[0]]).toEqual([0, 'jasons-team: 29 audit entries, hash chain intact']);
    // A report carries the head of its moment; the check reaches it.
    const report = JSON.parse(pglite('report', 'inventory', '--org', 'jasons-team', '--json').stdout) as { audit_head: { seq: number; hash: string } };
    expect(report.audit_head.seq).toBe(29);
    const kept = `${report.audit_head.seq}:${report.audit_head.hash}`;
    expect(pglite('report', 'inventory', '--org', 'jasons-team').stdout).toContain(`Audit log head: ${kept} (later: audit verify --org jasons-team --head ${kept})`);
    const reached = pglite('audit', 'verify', '--org', 'jasons-team', '--head', kept);
    expect([reached.status, reached.stdout.split('\n').slice(1, 3)]).toEqual([0, [`head: ${kept}`, `reaches the kept head ${kept}`]]);
    const badHead = pglite('audit', 'verify', '--org', 'jasons-team', '--head', '29');
    expect([badHead.status, badHead.stderr]).toEqual([2, 'carbon-ledger: --head: must be SEQ:HASH (an entry number and its 64-digit sha256)\n']);

    const db = await PgliteDatabase.open(dataDir);
    await db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.exec("UPDATE audit_log SET detail = jsonb_set(detail, '{row,ownership_pct}', '60') WHERE seq = 3 AND org_id = (SELECT org_id FROM organisations WHERE slug = 'jasons-team')");
      await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    await db.close();
    const broken = pglite('audit', 'verify', '--org', 'jasons-team');
    expect(broken.status).toBe(3);
    expect(broken.stdout).toMatch(/^jasons-team: audit log BROKEN at entry 3: its content does not match its hash \(changed after it was written\)\nentries up to 2:[0-9a-f]{64} hold\n$/);
    expect(broken.stderr).toBe('carbon-ledger: the audit log of jasons-team is broken at entry 3\n');
  });

  it('names the user on PostgreSQL too, through each connection\'s settings', async () => {
    const pg = await openTestDatabase('postgres');
    try {
      const url = pg.url ?? '';
      expect(run({ DATABASE_URL: url, USER: 'ana lee' }, 'org', 'create', 'audited', '--name', 'Audited', '--consolidation', 'equity_share').status).toBe(0);
      expect(run({ DATABASE_URL: url, USER: 'ana lee' }, 'org', 'unit', 'audited', 'Devices').status).toBe(0);
      const page = JSON.parse(run({ DATABASE_URL: url }, 'audit', 'log', '--org', 'audited', '--json').stdout) as { entries: { actor: string; action: string }[] };
      expect(page.entries.map((e) => [e.action, e.actor])).toEqual([['business_units.insert', 'ana lee'], ['organisations.insert', 'ana lee']]);
    } finally {
      await pg.dispose();
    }
  });
});
