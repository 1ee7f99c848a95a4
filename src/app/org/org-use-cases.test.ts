import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { addBusinessUnit } from './add-business-unit.js';
import { addSite } from './add-site.js';
import { createOrganisation } from './create-organisation.js';
import { describeOrganisation } from './describe-organisation.js';
import { listOrganisations } from './list-organisations.js';
import { setEntity } from './set-entity.js';
import { setMetric } from './set-metric.js';
import { updateOrganisation } from './update-organisation.js';

// The use cases over the SQL store, unchanged on PGlite and on PostgreSQL.
const factors = loadLibrary().index;

describe.each(ENGINES)('organisation use cases on %s', (engine) => {
  let t: TestDatabase;
  let store: SqlOrgStore;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    store = new SqlOrgStore(t.db);
  });
  afterAll(async () => t.dispose());

  it('creates, refuses a second org with the same slug, lists and updates', async () => {
    const org = await createOrganisation(store, { slug: 'acme', name: 'Acme', consolidation: 'equity_share' });
    expect(org).toMatchObject({ slug: 'acme', yearStartMonth: 1, currency: 'USD' });
    await expect(createOrganisation(store, { slug: 'acme', name: 'Other', consolidation: 'equity_share' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('slug: organisation "acme" exists already') });
    await expect(createOrganisation(store, { slug: 'b', name: 'B', consolidation: 'equity_share', year_start_month: 0 }))
      .rejects.toMatchObject({ code: 'invalid_input', message: 'year_start_month: must be a month number 1–12 (1 = calendar years)' });
    // Every problem in one message, so that one try fixes them all.
    await expect(createOrganisation(store, { slug: 'Acme_Bad', name: 'x', consolidation: 'equity' as 'equity_share' }))
      .rejects.toThrow(/^slug: must be lower-case letters.*; consolidation: must be one of equity_share, financial_control, operational_control$/);
    expect((await listOrganisations(store)).map((o) => o.slug)).toContain('acme');
    const updated = await updateOrganisation(store, 'acme', { consolidation: 'operational_control', year_start_month: 7 });
    expect(updated).toMatchObject({ name: 'Acme', consolidation: 'operational_control', yearStartMonth: 7 });
    await expect(updateOrganisation(store, 'nobody', { name: 'X' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateOrganisation(store, 'acme', {})).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('sets entity periods, keeping terms not given from the period in force', async () => {
    await createOrganisation(store, { slug: 'ent', name: 'Ent', consolidation: 'operational_control' });
    await expect(setEntity(store, 'ent', { name: 'Sub', ownership_pct: 60 })).rejects.toThrow('from: is required with ownership or control');
    await expect(setEntity(store, 'ent', { name: 'Sub', from: '2020-01-01' })).rejects.toThrow('ownership_pct: is required for the first period of entity "Sub"');
    const first = await setEntity(store, 'ent', { name: 'Sub', country: 'VN', from: '2020-01-01', ownership_pct: 60, operational_control: true });
    expect(first.period).toMatchObject({ ownershipPct: 60, financialControl: false, operationalControl: true });
    expect(first.share?.share).toBe(1);
    const later = await setEntity(store, 'ent', { name: 'Sub', from: '2024-01-01', ownership_pct: 40 });
    expect(later.period).toMatchObject({ ownershipPct: 40, operationalControl: true });
    const lost = await setEntity(store, 'ent', { name: 'Sub', from: '2025-01-01', operational_control: false });
    expect(lost.share).toMatchObject({ share: 0, reason: 'operational control: not controlled → 0%, from 2025-01-01' });
    const renamed = await setEntity(store, 'ent', { name: 'Sub' });
    expect(renamed).toMatchObject({ entity: { country: 'VN' }, period: null });
    await expect(setEntity(store, 'ent', { name: 'Sub', country: 'Vietnam' })).rejects.toThrow('country: must be an ISO 3166 alpha-2');
  });

  it('adds sites with the country as default grid region and market, within the country only', async () => {
    await createOrganisation(store, { slug: 'sites', name: 'Sites', consolidation: 'equity_share' });
    await setEntity(store, 'sites', { name: 'Inc', country: 'US' });
    const plain = await addSite(store, 'sites', { name: 'Hanoi', entity: 'Inc', country: 'VN' });
    expect(plain.site).toMatchObject({ gridRegion: 'VN', market: 'VN' });
    expect(plain.defaulted).toEqual(['grid_region', 'market']);
    // A code that is no country would take world-average factors without a word: refused, nothing written.
    await expect(addSite(store, 'sites', { name: 'Nowhere', entity: 'Inc', country: 'XX' })).rejects.toThrow('country: "XX" is not an ISO 3166 alpha-2 country code');
    await expect(addSite(store, 'sites', { name: 'London', entity: 'Inc', country: 'UK' })).rejects.toThrow('country: "UK" is not the ISO 3166 code of United Kingdom: write GB');
    expect((await store.listSites((await store.findOrg('sites'))?.orgId ?? 0)).map((s) => s.name)).toEqual(['Hanoi']);
    // An update gives what changes: the entity alone keeps country and regions; a new country with
    // its grid region takes the country as market by the rule, and says so.
    await setEntity(store, 'sites', { name: 'Inc VN', country: 'VN' });
    expect(await addSite(store, 'sites', { name: 'Hanoi', entity: 'Inc VN' })).toMatchObject({ entity: 'Inc VN', site: { country: 'VN', gridRegion: 'VN', market: 'VN' }, defaulted: [] });
    expect(await addSite(store, 'sites', { name: 'Hanoi', country: 'CN', grid_region: 'CN' })).toMatchObject({ entity: 'Inc VN', site: { country: 'CN', gridRegion: 'CN', market: 'CN' }, defaulted: ['market'] });
    await addSite(store, 'sites', { name: 'Hanoi', country: 'VN' });
    const egrid = await addSite(store, 'sites', { name: 'Philly', entity: 'Inc', country: 'US', grid_region: 'US-RFCE' });
    expect(egrid).toMatchObject({ site: { gridRegion: 'US-RFCE', market: 'US' }, defaulted: ['market'] });
    await expect(addSite(store, 'sites', { name: 'X', entity: 'Inc', country: 'US', grid_region: 'CA-ON' }))
      .rejects.toThrow('grid_region: "CA-ON" is not within the site\'s country US');
    await expect(addSite(store, 'sites', { name: 'X', entity: 'Inc', country: 'US', market: 'WORLD' })).rejects.toThrow('market: "WORLD" is not within');
    await expect(addSite(store, 'sites', { name: 'X', entity: 'Nobody', country: 'US' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('entity: no entity "Nobody"') });
    expect((await addBusinessUnit(store, 'sites', { name: 'Devices' })).unit.name).toBe('Devices');
    await expect(addBusinessUnit(store, 'sites', { name: ' ' })).rejects.toThrow('name: must not be empty');
  });

  it('stores a fiscal-year metric with the dates of that year (FY2022 from July = 2021-07-01..2022-07-01)', async () => {
    await createOrganisation(store, { slug: 'fiscal', name: 'Fiscal', consolidation: 'equity_share', year_start_month: 7 });
    const r = await setMetric(store, 'fiscal', { metric: 'revenue', year: 'FY2022', value: 100_000_000, unit: 'USD' });
    expect(r).toMatchObject({ year: 'FY2022', metric: { periodStart: '2021-07-01', periodEnd: '2022-07-01' } });
    await setMetric(store, 'fiscal', { metric: 'revenue', year: 2022, value: 120_000_000, unit: 'USD' });
    await setMetric(store, 'fiscal', { metric: 'employees', period_start: '2022-01-01', period_end: '2022-04-01', value: 1200, unit: 'FTE' });
    expect(await store.listMetrics((await store.findOrg('fiscal'))?.orgId as number)).toEqual([
      { metric: 'employees', periodStart: '2022-01-01', periodEnd: '2022-04-01', value: 1200, unit: 'FTE' },
      { metric: 'revenue', periodStart: '2021-07-01', periodEnd: '2022-07-01', value: 120_000_000, unit: 'USD' },
    ]);
    const d = await describeOrganisation(store, factors, 'fiscal', '2024-01-01');
    expect(d.metrics.map((m) => m.year)).toEqual([null, 'FY2022']);
  });

  it('describes the organisation with each entity\'s share on the date asked', async () => {
    await createOrganisation(store, { slug: 'show', name: 'Show', consolidation: 'equity_share' });
    await setEntity(store, 'show', { name: 'Parent', country: 'US', from: '2020-01-01', ownership_pct: 100, financial_control: true, operational_control: true });
    await setEntity(store, 'show', { name: 'Associate', from: '2022-01-01', ownership_pct: 30 });
    await addSite(store, 'show', { name: 'HQ', entity: 'Parent', country: 'US', grid_region: 'US-NWPP' });
    await addSite(store, 'show', { name: 'Typo', entity: 'Parent', country: 'US', grid_region: 'US-FOO' });
    await addSite(store, 'show', { name: 'Dublin', entity: 'Parent', country: 'IE' });
    const d = await describeOrganisation(store, factors, 'show', '2021-06-30');
    expect(d.entities).toEqual([
      { name: 'Associate', country: null, periods: [{ from: '2022-01-01', ownership_pct: 30, financial_control: false, operational_control: false }],
        share: 0, share_reason: 'no ownership or control period starts on or before 2021-06-30, so 0%' },
      { name: 'Parent', country: 'US', periods: [{ from: '2020-01-01', ownership_pct: 100, financial_control: true, operational_control: true }],
        share: 1, share_reason: 'equity share: 100% owned → 100%, from 2020-01-01' },
    ]);
    // Each site with the region whose grid factor its electricity takes: eGRID's NWPP; the US average
    // for a sub-region eGRID does not know; none for Ireland, which the library covers only with
    // national grid intensities (electricity.grid-intensity).
    expect(d.sites).toEqual([
      { name: 'Dublin', entity: 'Parent', country: 'IE', grid_region: 'IE', market: 'IE', grid_factor_region: null },
      { name: 'HQ', entity: 'Parent', country: 'US', grid_region: 'US-NWPP', market: 'US', grid_factor_region: 'US-NWPP' },
      { name: 'Typo', entity: 'Parent', country: 'US', grid_region: 'US-FOO', market: 'US', grid_factor_region: 'US' },
    ]);
    expect((await describeOrganisation(store, factors, 'show', '2024-01-01')).entities[0]?.share).toBeCloseTo(0.3, 12);
    await expect(describeOrganisation(store, factors, 'show', 'yesterday')).rejects.toThrow('as_of: must be a date YYYY-MM-DD');
    await expect(describeOrganisation(store, factors, 'nope', '2024-01-01')).rejects.toMatchObject({ code: 'not_found' });
  });
});
