import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUp } from '../../app/accounts/accounts.js';
import { migrate } from '../../db/migrate.js';
import { PgliteDatabase } from '../../db/pglite-database.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { TEST_HASHER } from '../../test-support/test-server.js';
import { registerOrg } from './org.js';

// In process, on a fresh program each time (commander keeps option values between parses).
const dataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-org-'));
const savedUrl = process.env.DATABASE_URL;

async function org(...args: string[]): Promise<string> {
  const program = new Command('carbon-ledger').exitOverride().configureOutput({ writeErr: () => undefined });
  registerOrg(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['org', ...args, '--data-dir', dataDir], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('carbon-ledger org', () => {
  beforeAll(() => {
    delete process.env.DATABASE_URL; // this suite uses PGlite in a temporary directory
  });
  afterAll(() => {
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, sets, lists and shows an organisation, in text and JSON', async () => {
    expect(await org('list')).toMatch(/^no organisation yet/);
    expect(await org('create', 'jt', '--name', "Jason's Team", '--consolidation', 'operational_control', '--year-start-month', '7'))
      .toBe("created jt  Jason's Team · operational_control · years from July (FY2022 = 2021-07-01 to 2022-06-30) · USD\n");
    await expect(org('create', 'jt', '--name', 'Again', '--consolidation', 'equity_share')).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.parse(await org('set', 'jt', '--currency', 'EUR', '--json'))).toEqual({
      slug: 'jt', name: "Jason's Team", consolidation: 'operational_control', year_start_month: 7, currency: 'EUR',
    });
    expect(JSON.parse(await org('list', '--json')).map((o: { slug: string }) => o.slug)).toEqual(['jt']);
  });

  it('sets entities with --[no-]control flags, sites with the default rule stated, units and metrics', async () => {
    const entity = await org('entity', 'jt', 'JT Inc.', '--country', 'US', '--from', '2019-07-01', '--ownership', '100', '--financial-control', '--operational-control');
    expect(entity).toContain('share under operational_control: 100% — operational control: controlled → 100%, from 2019-07-01');
    const jv = JSON.parse(await org('entity', 'jt', 'JT Vietnam', '--from', '2020-01-01', '--ownership', '60', '--no-operational-control', '--json'));
    expect(jv).toMatchObject({ period: { ownership_pct: 60, financial_control: false, operational_control: false }, share: 0 });
    await expect(org('entity', 'jt', 'JT Vietnam', '--from', '2021-01-01', '--ownership', 'sixty')).rejects.toThrow('ownership_pct: must be a percentage 0–100');
    const site = await org('site', 'jt', 'Hanoi', '--entity', 'JT Vietnam', '--country', 'VN');
    expect(site).toContain('site Hanoi in jt: JT Vietnam, VN, grid region VN, market VN');
    expect(site).toContain('note: no grid region given, so it is the country (VN)');
    expect(JSON.parse(await org('site', 'jt', 'Seattle', '--entity', 'JT Inc.', '--country', 'US', '--grid-region', 'US-NWPP', '--json')))
      .toMatchObject({ site: { grid_region: 'US-NWPP', market: 'US' }, defaulted_to_country: ['market'] });
    await expect(org('site', 'jt', 'X', '--entity', 'JT Inc.', '--country', 'US', '--grid-region', 'VN')).rejects.toThrow('grid_region: "VN" is not within');
    // An update names what changes; the rest stays (entity, country, market). A new site needs them all.
    expect(JSON.parse(await org('site', 'jt', 'Seattle', '--grid-region', 'US-CAMX', '--json')))
      .toMatchObject({ site: { entity: 'JT Inc.', country: 'US', grid_region: 'US-CAMX', market: 'US' }, defaulted_to_country: [] });
    await expect(org('site', 'jt', 'Seattle', '--country', 'VN')).resolves.toContain('site Seattle in jt: JT Inc., VN, grid region VN, market VN');
    await org('site', 'jt', 'Seattle', '--country', 'US', '--grid-region', 'US-NWPP');
    await expect(org('site', 'jt', 'Osaka', '--country', 'JP')).rejects.toThrow('entity: is required for a new site (jt has no site "Osaka" yet)');
    // A grid region the library has no factor for is kept, and the note says what its electricity will take.
    expect(await org('site', 'jt', 'Austin', '--entity', 'JT Inc.', '--country', 'US', '--grid-region', 'US-FOO', '--market', 'US'))
      .toContain('  note: site Austin: the factor library has no electricity.grid factor for US-FOO, so its electricity takes US\'s (check the code if that is not meant)\n');
    expect(JSON.parse(await org('site', 'jt', 'Dublin', '--entity', 'JT Inc.', '--country', 'IE', '--grid-region', 'IE', '--market', 'IE', '--json')).grid_note)
      .toMatch(/^note: site Dublin: the factor library has no electricity.grid factor for IE or a region above it: its electricity rows need activity electricity.grid-intensity/);
    expect(await org('unit', 'jt', 'Devices')).toBe('business unit Devices in jt\n');
    expect(await org('metric', 'jt', 'revenue', '--year', 'FY2022', '--value', '100000000', '--unit', 'EUR'))
      .toBe('revenue FY2022 (2021-07-01 to 2022-07-01, end exclusive) = 100000000 EUR in jt\n');
    const shown = JSON.parse(await org('show', 'jt', '--as-of', '2022-01-01', '--json'));
    expect(shown.entities.map((e: { name: string; share: number }) => [e.name, e.share])).toEqual([['JT Inc.', 1], ['JT Vietnam', 0]]);
    const text = await org('show', 'jt', '--as-of', '2022-01-01');
    expect(text).toContain('entities (share on 2022-01-01 under operational_control):');
    expect(text).toContain('  Seattle: JT Inc., US, grid region US-NWPP, market US');
  });

  it('applies an org file, then again without change; a bad file is refused before anything is written', async () => {
    expect(await org('apply', 'examples/org-example.yaml')).toMatch(/^created lotus-lamps {2}Lotus Lamps · equity_share · calendar years · USD\n {2}from examples\/org-example.yaml: 2 entities \(3 periods\), 2 sites, 2 business units, 4 metrics\n {2}note: site Hai Phong factory: no grid region or market given, so they are the country \(VN\) — the rule when none is given\n$/);
    expect(JSON.parse(await org('apply', 'examples/org-example.yaml', '--json'))).toMatchObject({
      created: false, changed: false, defaulted_to_country: [{ site: 'Hai Phong factory', fields: ['grid_region', 'market'] }],
    });
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(bad, readFileSync('examples/org-example.yaml', 'utf8').replace('slug: lotus-lamps', 'slug: bad-co').replace('US-RFCE', 'US-rfce'));
    await expect(org('apply', bad)).rejects.toThrow(`${bad}: sites[0].grid_region: must be a region code`);
    await expect(org('show', 'bad-co')).rejects.toMatchObject({ code: 'not_found' });
    await expect(org('apply', 'no-such-file.yaml')).rejects.toMatchObject({ code: 'not_found' });
    await expect(org('show', 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(org('create', 'x')).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  });

  it('gives an account that signed up a role, keeping one admin', async () => {
    const db = await PgliteDatabase.open(dataDir);
    await migrate(db);
    await signUp(new SqlAccountStore(db), TEST_HASHER, { email: 'ana@example.com', name: 'Ana', password: 'long enough password' }, new Date());
    await signUp(new SqlAccountStore(db), TEST_HASHER, { email: 'bo@example.com', name: 'Bo', password: 'long enough password' }, new Date());
    await db.close();
    expect(await org('members', 'jt')).toBe('jt has no members yet: carbon-ledger org member jt EMAIL --role admin\n');
    expect(await org('member', 'jt', 'ana@example.com', '--role', 'admin')).toBe('ana@example.com is admin of jt\n  ana@example.com  admin\n');
    expect(await org('member', 'jt', 'bo@example.com', '--role', 'data_owner', '--business-unit', 'Devices')).toContain('  bo@example.com  data_owner (Devices)\n');
    await expect(org('member', 'jt', 'bo@example.com', '--role', 'data_owner')).rejects.toThrow('business_units: a data owner needs at least one business unit');
    await expect(org('member', 'jt', 'ana@example.com', '--role', 'auditor')).rejects.toThrow('role: ana@example.com is the only admin of jt; make someone else admin first');
    await expect(org('member', 'jt', 'cy@example.com', '--role', 'auditor')).rejects.toThrow('email: no account for cy@example.com; they sign up first (web app or API), then you add them');
    await expect(org('member', 'jt', 'bo@example.com', '--role', 'boss')).rejects.toThrow(/^role: /);
  });
});
