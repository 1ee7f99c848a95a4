/**
 * @module org/apply-org-file
 * `org apply FILE`: creates or updates an organisation from an org file, idempotently and all at
 * once. The work runs in one transaction handed in by the edge, so a file that fails half-way (a
 * site naming an unknown entity) leaves the ledger as it was. Apply adds and updates; it never
 * deletes what the file leaves out, because activity rows may already point at it.
 */
import { AppError } from '../app-error.js';
import type { Organisation } from '../ledger/model.js';
import { orgSummary } from './describe-organisation.js';
import { metricPeriod } from './metric-period.js';
import type { OrgFile } from './org-file.js';
import type { OrgStore } from './org-store.js';
import { defaultedToCountry, type RegionField } from './add-site.js';

/** Runs `work` in one database transaction with a store bound to it; rolls back when it throws. */
export type InTransaction = <T>(work: (store: OrgStore) => Promise<T>) => Promise<T>;

export interface ApplyOrgFileResult {
  readonly org: Organisation;
  readonly created: boolean;
  /** False when the ledger already held exactly what the file says. */
  readonly changed: boolean;
  readonly counts: { entities: number; periods: number; sites: number; business_units: number; metrics: number };
  /** Sites whose grid region or market took the country by the default rule (`defaultedToCountry`). */
  readonly defaulted: readonly { readonly site: string; readonly country: string; readonly fields: readonly RegionField[] }[];
}

/** `source` (the file name) prefixes error messages. */
export function applyOrgFile(inTransaction: InTransaction, file: OrgFile, source?: string): Promise<ApplyOrgFileResult> {
  const fail = (path: string, message: string): never => {
    throw new AppError('invalid_input', `${source === undefined ? '' : `${source}: `}${path}: ${message}`);
  };
  return inTransaction(async (store) => {
    const existing = await store.findOrg(file.slug);
    const before = existing === null ? null : await snapshot(store, existing);
    const fields = { name: file.name, consolidation: file.consolidation, yearStartMonth: file.year_start_month, currency: file.currency };
    const org = existing === null
      ? await store.createOrg({ ...fields, slug: file.slug, yearStartMonth: fields.yearStartMonth ?? 1, currency: fields.currency ?? 'USD' })
      : await store.updateOrg(existing.orgId, fields);

    for (const e of file.entities) {
      const entity = await store.upsertEntity(org.orgId, e.name, e.country ?? null);
      for (const p of e.periods) {
        await store.setEntityPeriod(org.orgId, {
          entityId: entity.entityId, validFrom: p.from, ownershipPct: p.ownership_pct,
          financialControl: p.financial_control, operationalControl: p.operational_control,
        });
      }
    }

    // Sites may name an entity of the file or one the organisation already has.
    const entityIds = new Map((await store.listEntities(org.orgId)).map((e) => [e.name, e.entityId]));
    for (const [i, s] of file.sites.entries()) {
      const entityId = entityIds.get(s.entity) ?? fail(`sites[${i}].entity`, `no entity "${s.entity}" in the file or in organisation ${org.slug}`);
      await store.upsertSite(org.orgId, {
        name: s.name, entityId, country: s.country, gridRegion: s.grid_region ?? s.country, market: s.market ?? s.country,
      });
    }

    for (const name of file.business_units) await store.upsertUnit(org.orgId, name);

    // `year:` is read with the year start just stored, which may come from the ledger.
    const starts = new Map<string, number>();
    for (const [i, m] of file.metrics.entries()) {
      const period = metricPeriod(m, org.yearStartMonth);
      const key = `${m.metric} ${period.start}`;
      const other = starts.get(key);
      if (other !== undefined) fail(`metrics[${i}]`, `${m.metric} from ${period.start} is also given by metrics[${other}]`);
      starts.set(key, i);
      await store.setMetric(org.orgId, { metric: m.metric, periodStart: period.start, periodEnd: period.end, value: m.value, unit: m.unit });
    }

    const after = await snapshot(store, org);
    return {
      org,
      defaulted: file.sites.map((s) => ({ site: s.name, country: s.country, fields: defaultedToCountry(s) })).filter((d) => d.fields.length > 0),
      created: existing === null,
      changed: before !== after,
      counts: {
        entities: file.entities.length,
        periods: file.entities.reduce((n, e) => n + e.periods.length, 0),
        sites: file.sites.length,
        business_units: file.business_units.length,
        metrics: file.metrics.length,
      },
    };
  });
}

/** Everything the file can change, as text to compare before and after. */
async function snapshot(store: OrgStore, org: Organisation): Promise<string> {
  const id = org.orgId;
  return JSON.stringify([
    orgSummary(org), await store.listEntities(id), await store.listEntityPeriods(id), await store.listSites(id),
    await store.listUnits(id), await store.listMetrics(id),
  ]);
}
