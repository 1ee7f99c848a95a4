import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { inTenantTransaction } from '../../db/tenant-database.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { findMapping } from '../import/find-mapping.js';
import { fixture } from '../import/fixtures/test-org.js';
import { importAndRecalculate } from '../import/import-and-recalculate.js';
import { addBusinessUnit } from '../org/add-business-unit.js';
import { addSite } from '../org/add-site.js';
import { createOrganisation } from '../org/create-organisation.js';
import { setEntity } from '../org/set-entity.js';
import { GENESIS_HASH } from './audit-chain.js';
import { listAudit, verifyAudit } from './read-audit.js';

// The audit log the database writes (migrations/0009), read and checked through the use cases,
// on both engines.
describe.each(ENGINES)('audit log on %s', (engine) => {
  let t: TestDatabase;
  const lib = loadLibrary();
  beforeAll(async () => {
    t = await openTestDatabase(engine, { actor: 'jason' });
  });
  afterAll(async () => t.dispose());

  const actions = async (slug: string): Promise<string[]> =>
    (await listAudit(sqlStores(t.db), slug, { limit: 500 })).entries.map((e) => e.action).reverse();

  /** Runs `sql` as the owner with the append-only trigger off, as someone tampering would. */
  const tamper = (sql: string, params: (string | number)[]) => t.db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await tx.query(sql, params);
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });

  it('records each change of the organisation model once, by whom, with what changed', async () => {
    const store = sqlStores(t.db).org;
    await createOrganisation(store, { slug: 'audited', name: 'Audited', consolidation: 'equity_share' });
    await setEntity(store, 'audited', { name: 'Sub', country: 'VN', from: '2020-01-01', ownership_pct: 100 });
    await setEntity(store, 'audited', { name: 'Sub', from: '2020-01-01', ownership_pct: 60 });
    await addSite(store, 'audited', { name: 'Hanoi', entity: 'Sub', country: 'VN' });
    // The same site again: the upsert changes nothing, so nothing is logged.
    await addSite(store, 'audited', { name: 'Hanoi', entity: 'Sub', country: 'VN' });

    expect(await actions('audited')).toEqual(['organisations.insert', 'entities.insert', 'entity_periods.insert', 'entity_periods.update', 'sites.insert']);
    const page = await listAudit(sqlStores(t.db), 'audited', { limit: 500 });
    const update = page.entries.find((e) => e.action === 'entity_periods.update');
    expect(update).toMatchObject({ seq: 4, actor: 'jason', subject: 'Sub · 2020-01-01', facts: ['ownership_pct 100 → 60'], detail: { changed: { ownership_pct: { from: 100, to: 60 } } } });
    expect(update?.summary).toBe('ownership period Sub · 2020-01-01: ownership_pct 100 → 60');
    expect(page.entries.at(-1)).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH, summary: 'added organisation Audited (audited) (consolidation equity_share, year_start_month 1, currency USD)' });
    expect(page.entries[0]?.summary).toBe('added site Hanoi (country VN, grid_region VN, market VN, entity Sub)');
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({ entries: 5, intact: true, broken: null, head: { seq: 5, hash: page.entries[0]?.hash } });
  });

  it('writes one entry per import and per version, not one per record, and pages newest first', async () => {
    const store = sqlStores(t.db).org;
    const org = await createOrganisation(store, { slug: 'audited-import', name: 'Audited Import', consolidation: 'operational_control' });
    await setEntity(store, org.slug, { name: 'Acme Inc.', country: 'US', from: '2019-01-01', ownership_pct: 100, operational_control: true });
    for (const [name, grid, market] of [['Philadelphia Plant', 'US-RFCE', 'US'], ['Houston DC', 'US-ERCT', 'US-ERCT'], ['London Office', 'GB', 'GB']] as const) {
      await addSite(store, org.slug, { name, entity: 'Acme Inc.', country: name === 'London Office' ? 'GB' : 'US', grid_region: grid, market });
    }
    for (const unit of ['Manufacturing', 'Logistics', 'Corporate']) await addBusinessUnit(store, org.slug, { name: unit });
    const ledger = sqlLedger(t.db);
    const { result, calc } = await importAndRecalculate(ledger, lib, {
      org, source: fixture('activities-canonical.csv'), quarantine: false, importedBy: 'jason',
      mapping: await findMapping(ledger.stores.imports, org.orgId, 'canonical'),
    });
    expect(result.rowsImported).toBeGreaterThan(3);
    const all = await actions(org.slug);
    expect(all.slice(9)).toEqual(['import_batches.insert', 'calc_versions.insert', 'calc_versions.update', 'import_batches.update']);
    const page = await listAudit(sqlStores(t.db), org.slug, { limit: 2 });
    expect(page.entries.map((e) => e.seq)).toEqual([13, 12]);
    expect(page.next_before).toBe(12);
    expect(page.entries[0]?.summary).toBe(`import ${result.batchId} · activities-canonical.csv: rows_total 0 → ${result.rowsTotal}; rows_imported 0 → ${result.rowsImported}`);
    expect(page.entries[1]?.summary).toBe(`calculation version ${calc?.versionId}: records 0 → ${result.rowsImported}`);
    const last = await listAudit(sqlStores(t.db), org.slug, { before: 2, limit: 2 });
    expect(last).toMatchObject({ next_before: null, entries: [{ seq: 1, action: 'organisations.insert' }] });
  });

  it('names the member an API request acts for, and keeps the chain\'s fields its own', async () => {
    const org = await sqlStores(t.db).org.findOrg('audited');
    if (org === null) throw new Error('no org');
    await inTenantTransaction(t.db, org.orgId, async (scoped) => {
      await addBusinessUnit(sqlStores(scoped).org, 'audited', { name: 'Devices' });
      // A request that writes the log itself gets the next number, its own actor and a real hash.
      await scoped.query(`INSERT INTO audit_log (org_id, seq, actor, action, detail, prev_hash, hash)
        VALUES ($1, 1, 'someone else', 'note', '{}', 'forged', 'forged')`, [org.orgId]);
    }, 'ana@example.com');
    const [note, unit] = (await listAudit(sqlStores(t.db), 'audited', { limit: 2 })).entries;
    expect(unit).toMatchObject({ seq: 6, actor: 'ana@example.com', action: 'business_units.insert', summary: 'added business unit Devices' });
    expect(note).toMatchObject({ seq: 7, actor: 'ana@example.com', action: 'note', prev_hash: unit?.hash });
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({ entries: 7, intact: true });
  });

  it('refuses to change or remove entries, even for the owner', async () => {
    const [org] = await t.db.query<{ org_id: number }>("SELECT org_id FROM organisations WHERE slug = 'audited'");
    await expect(t.db.query("UPDATE audit_log SET actor = 'x' WHERE org_id = $1", [Number(org?.org_id)])).rejects.toThrow('audit_log is append-only: UPDATE refused');
    await expect(t.db.query('DELETE FROM audit_log WHERE org_id = $1', [Number(org?.org_id)])).rejects.toThrow('audit_log is append-only: DELETE refused');
    await expect(t.db.exec('TRUNCATE audit_log')).rejects.toThrow('audit_log is append-only: TRUNCATE refused');
  });

  it('hashes what the documented rule says, so the chain can be checked outside the database', async () => {
    const [org] = await t.db.query<{ org_id: number }>("SELECT org_id FROM organisations WHERE slug = 'audited'");
    const [e] = await t.db.query<{ at: string; detail: string; hash: string }>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, detail::text AS detail, hash FROM audit_log WHERE org_id = $1 AND seq = 1`,
      [Number(org?.org_id)]);
    const text = [org?.org_id, 1, e?.at, 'jason', 'organisations.insert', e?.detail, GENESIS_HASH].join('\n');
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(e?.hash);
  });

  it('finds an entry changed, removed or cut off behind the triggers\' back', async () => {
    const orgIdOf = async (slug: string) => Number((await t.db.query<{ org_id: number }>('SELECT org_id FROM organisations WHERE slug = $1', [slug]))[0]?.org_id);
    const imported = await orgIdOf('audited-import');
    const before = await verifyAudit(sqlStores(t.db), 'audited-import');
    expect(before).toMatchObject({ entries: 13, intact: true, head: { seq: 13 }, kept_head: null });
    const kept = before.head ?? { seq: 0, hash: '' };
    const twelfth = (await listAudit(sqlStores(t.db), 'audited-import', { before: 13, limit: 1 })).entries[0];
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', kept)).toMatchObject({ intact: true, kept_head: { ...kept, reached: true, problem: null } });

    // Cutting off the newest entry leaves an intact, shorter chain: only a head kept elsewhere shows it.
    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq = 13', [imported]);
    expect(await verifyAudit(sqlStores(t.db), 'audited-import')).toMatchObject({ entries: 12, intact: true, head: { seq: 12 }, broken: null });
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', kept)).toMatchObject({
      intact: false, broken: null, kept_head: { reached: false, problem: 'the intact chain ends at entry 12, before entry 13: entries were cut off or broken' },
    });
    expect((await verifyAudit(sqlStores(t.db), 'audited-import', { seq: 12, hash: '0'.repeat(64) })).kept_head)
      .toMatchObject({ reached: false, problem: `entry 12 has another hash now (${twelfth?.hash}): the chain was rewritten` });

    await tamper("UPDATE audit_log SET actor = 'nobody' WHERE org_id = $1 AND seq = 3", [imported]);
    expect(await verifyAudit(sqlStores(t.db), 'audited-import')).toMatchObject({
      intact: false, head: { seq: 2 }, broken: { seq: 3, fault: 'content', problem: 'its content does not match its hash (changed after it was written)' },
    });

    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq IN (3, 4)', [await orgIdOf('audited')]);
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({
      intact: false, head: { seq: 2 }, broken: { seq: 5, fault: 'missing', problem: 'entry 3–4 is missing (the next one is 5)' },
    });
  });
});
