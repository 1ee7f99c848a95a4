import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { sqlLedger, sqlStores } from '../../db/sql-stores.js';
import { inTenantTransaction } from '../../db/tenant-database.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { findMapping } from '../import/find-mapping.js';
import { depsFor, fixture } from '../import/fixtures/test-org.js';
import { importFile } from '../import/import-file.js';
import { importAndRecalculate } from '../import/import-and-recalculate.js';
import { addBusinessUnit } from '../org/add-business-unit.js';
import { addSite } from '../org/add-site.js';
import { createOrganisation } from '../org/create-organisation.js';
import { setEntity } from '../org/set-entity.js';
import { setMetric } from '../org/set-metric.js';
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
    (await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), slug, { limit: 500 })).entries.map((e) => e.action).reverse();

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
    const page = await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), 'audited', { limit: 500 });
    const update = page.entries.find((e) => e.action === 'entity_periods.update');
    expect(update).toMatchObject({ seq: 4, actor: 'jason', subject: 'Sub · 2020-01-01', facts: [{ field: 'ownership_pct', from: '100', to: '60' }], detail: { changed: { ownership_pct: { from: 100, to: 60 } } } });
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
    const page = await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), org.slug, { limit: 2 });
    expect(page.entries.map((e) => e.seq)).toEqual([13, 12]);
    expect(page.next_before).toBe(12);
    expect(page.entries[0]?.summary).toBe(`import ${result.batchId} · activities-canonical.csv: rows_total 0 → ${result.rowsTotal}; rows_imported 0 → ${result.rowsImported}`);
    expect(page.entries[1]?.summary).toBe(`calculation version ${calc?.versionId}: records 0 → ${result.rowsImported}`);
    const last = await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), org.slug, { before: 2, limit: 2 });
    expect(last).toMatchObject({ next_before: null, entries: [{ seq: 1, action: 'organisations.insert' }] });
  });

  it('logs a metric set by hand, and an import overwriting it, but not the metrics an import adds', async () => {
    const store = sqlStores(t.db).org;
    const org = await createOrganisation(store, { slug: 'audited-metrics', name: 'Audited Metrics', consolidation: 'equity_share' });
    await setMetric(store, org.slug, { metric: 'revenue', period_start: '2024-01-01', period_end: '2024-04-01', value: 47e6, unit: 'USD' });
    const deps = depsFor(t.db);
    const imported = await importFile(deps, { org, source: fixture('metrics.csv'), kind: 'metrics', quarantine: false, importedBy: 'jason',
      mapping: await findMapping(deps.imports, org.orgId, 'canonical') });
    expect(imported.rowsImported).toBeGreaterThan(1);
    const page = await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), org.slug, { limit: 500 });
    expect(page.entries.map((e) => e.action).reverse())
      .toEqual(['organisations.insert', 'org_metrics.insert', 'import_batches.insert', 'org_metrics.update', 'import_batches.update']);
    expect(page.entries[1]?.facts).toEqual(expect.arrayContaining([{ field: 'value', from: '47000000', to: '48200000' }, { field: 'batch_id', from: '–', to: String(imported.batchId) }]));
  });

  it('names the member an API request acts for, and lets no one write the log but the triggers', async () => {
    const org = await sqlStores(t.db).org.findOrg('audited');
    if (org === null) throw new Error('no org');
    await inTenantTransaction(t.db, org.orgId, async (scoped) => {
      await addBusinessUnit(sqlStores(scoped).org, 'audited', { name: 'Devices' });
      await expect(scoped.transaction((tx) => tx.query(`INSERT INTO audit_log (org_id, seq, actor, action, detail, prev_hash, hash)
        VALUES ($1, 7, 'ceo@example.com', 'sites.delete', '{}', 'x', 'y')`, [org.orgId]))).rejects.toThrow(/permission denied/);
    }, 'ana@example.com');
    // The owner neither: an entry exists only for a change, chained by the database.
    await expect(t.db.query(`INSERT INTO audit_log (org_id, seq, actor, action, detail, prev_hash, hash) VALUES ($1, 7, 'x', 'x', '{}', 'x', 'y')`, [org.orgId]))
      .rejects.toThrow('audit_log is written by the database\'s audit triggers only');
    await expect(t.db.query(`INSERT INTO audit_pending (org_id, actor, action, detail) VALUES ($1, 'x', 'sites.delete', '{}')`, [org.orgId]))
      .rejects.toThrow('audit_pending is written by the database\'s audit triggers only');
    const [unit] = (await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), 'audited', { limit: 1 })).entries;
    expect(unit).toMatchObject({ seq: 6, actor: 'ana@example.com', action: 'business_units.insert', summary: 'added business unit Devices' });
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({ entries: 6, intact: true });
  });

  it('logs nothing of a change rolled back', async () => {
    await expect(t.db.transaction(async (tx) => {
      await addBusinessUnit(new SqlOrgStore(tx), 'audited', { name: 'Never' });
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect((await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), 'audited', { limit: 1 })).entries[0]?.seq).toBe(6);
    expect(await t.db.query('SELECT * FROM audit_pending')).toEqual([]);
  });

  it.runIf(engine === 'postgres')('chains at commit: an open transaction holds back no other change of the organisation', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let reached = (): void => undefined;
    const inside = new Promise<void>((r) => (reached = r));
    const slow = t.db.transaction(async (tx) => {
      await addBusinessUnit(new SqlOrgStore(tx), 'audited', { name: 'Slow' });
      reached();
      await gate; // a long import, say
    });
    await inside;
    await addBusinessUnit(sqlStores(t.db).org, 'audited', { name: 'Quick' }); // would wait for the slow one if it held the log's lock
    release();
    await slow;
    const entries = (await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), 'audited', { limit: 2 })).entries.map((e) => [e.seq, e.subject]);
    expect(entries).toEqual([[8, 'Slow'], [7, 'Quick']]);
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({ intact: true, head: { seq: 8 } });
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
    // Each field as "<characters>:<text>", one per line.
    const text = [String(org?.org_id), '1', e?.at ?? '', 'jason', 'organisations.insert', e?.detail ?? '', GENESIS_HASH].map((f) => `${[...f].length}:${f}`).join('\n');
    expect(text.split('\n')[3]).toBe('5:jason');
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(e?.hash);
  });

  it('finds an entry changed, removed or cut off behind the triggers\' back', async () => {
    const orgIdOf = async (slug: string) => Number((await t.db.query<{ org_id: number }>('SELECT org_id FROM organisations WHERE slug = $1', [slug]))[0]?.org_id);
    const imported = await orgIdOf('audited-import');
    const before = await verifyAudit(sqlStores(t.db), 'audited-import');
    expect(before).toMatchObject({ entries: 13, intact: true, head: { seq: 13 }, kept_head: null });
    const kept = before.head ?? { seq: 0, hash: '' };
    // Read two entries at a time (13 entries: seven parts, the last of one), the check is the same.
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', undefined, 2)).toEqual(before);
    const twelfth = (await listAudit(sqlStores(t.db), new SqlAccountStore(t.db), 'audited-import', { before: 13, limit: 1 })).entries[0];
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', kept)).toMatchObject({ intact: true, ok: true, kept_head: { ...kept, reached: true, problem: null } });

    // Cutting off the newest entry leaves an intact, shorter chain: only a head kept elsewhere shows it.
    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq = 13', [imported]);
    expect(await verifyAudit(sqlStores(t.db), 'audited-import')).toMatchObject({ entries: 12, intact: true, head: { seq: 12 }, broken: null });
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', kept)).toMatchObject({
      intact: true, ok: false, broken: null, kept_head: { reached: false, problem: 'the intact chain ends at entry 12, before entry 13: entries were cut off or broken' },
    });
    expect((await verifyAudit(sqlStores(t.db), 'audited-import', { seq: 12, hash: '0'.repeat(64) })).kept_head)
      .toMatchObject({ reached: false, problem: `entry 12 has another hash now (${twelfth?.hash}): the chain was rewritten` });

    await tamper("UPDATE audit_log SET actor = 'nobody' WHERE org_id = $1 AND seq = 3", [imported]);
    expect(await verifyAudit(sqlStores(t.db), 'audited-import')).toMatchObject({
      intact: false, ok: false, head: null, intact_until: { seq: 2 }, broken: { seq: 3, fault: 'content', problem: 'its content does not match its hash (changed after it was written)' },
    });
    expect(await verifyAudit(sqlStores(t.db), 'audited-import', kept, 4)).toEqual(await verifyAudit(sqlStores(t.db), 'audited-import', kept));

    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq IN (3, 4)', [await orgIdOf('audited')]);
    expect(await verifyAudit(sqlStores(t.db), 'audited')).toMatchObject({
      intact: false, head: null, intact_until: { seq: 2 }, broken: { seq: 5, fault: 'missing', problem: 'entry 3–4 is missing (the next one is 5)' },
    });
  });
});
