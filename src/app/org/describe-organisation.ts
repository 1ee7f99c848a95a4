/**
 * @module org/describe-organisation
 * `org show`: everything about one organisation, as the JSON the CLI prints (snake_case, like the
 * org file), with each entity's consolidation share on a given date.
 */
import type { FactorIndex } from '../../core/index.js';
import type { Organisation } from '../ledger/model.js';
import { shareAt } from './consolidation-share.js';
import { gridFactorRegion } from './grid-factor-note.js';
import { metricYearLabel } from './metric-period.js';
import { isoDate, parseInput, requireOrg } from './org-input.js';
import type { OrgStore } from './org-store.js';

export interface OrgSummary {
  readonly slug: string;
  readonly name: string;
  readonly consolidation: Organisation['consolidation'];
  readonly year_start_month: number;
  readonly currency: string;
}

export interface EntityPeriodView {
  readonly from: string;
  readonly ownership_pct: number;
  readonly financial_control: boolean;
  readonly operational_control: boolean;
}

export interface OrgDescription extends OrgSummary {
  /** The date the shares are taken on. */
  readonly as_of: string;
  readonly entities: readonly {
    readonly name: string;
    readonly country: string | null;
    readonly periods: readonly EntityPeriodView[];
    /** 0..1 under the organisation's approach on `as_of`. */
    readonly share: number;
    readonly share_reason: string;
  }[];
  readonly sites: readonly {
    name: string; entity: string; country: string; grid_region: string; market: string;
    /** The region whose electricity.grid factor the site's electricity takes (grid-factor-note.ts): its own, one above it, or null for none. */
    grid_factor_region: string | null;
  }[];
  readonly business_units: readonly string[];
  readonly metrics: readonly { metric: string; year: string | null; period_start: string; period_end: string; value: number; unit: string }[];
}

export function orgSummary(org: Organisation): OrgSummary {
  return { slug: org.slug, name: org.name, consolidation: org.consolidation, year_start_month: org.yearStartMonth, currency: org.currency };
}

/** `asOf` is a date YYYY-MM-DD; the edge passes today's unless asked for another. `factors`: the library the sites' grid factors come from. */
export async function describeOrganisation(store: OrgStore, factors: FactorIndex, orgSlug: string, asOf: string): Promise<OrgDescription> {
  const date = parseInput(isoDate, asOf, 'as_of');
  const org = await requireOrg(store, orgSlug);
  // One after the other: on a server a parallel read would take a pool connection per query.
  const entities = await store.listEntities(org.orgId);
  const periods = await store.listEntityPeriods(org.orgId);
  const sites = await store.listSites(org.orgId);
  const units = await store.listUnits(org.orgId);
  const metrics = await store.listMetrics(org.orgId);
  const entityName = new Map(entities.map((e) => [e.entityId, e.name]));
  return {
    ...orgSummary(org),
    as_of: date,
    entities: entities.map((e) => {
      const at = shareAt(org.consolidation, periods, e.entityId, date);
      return {
        name: e.name,
        country: e.country,
        periods: periods.filter((p) => p.entityId === e.entityId).map((p) => ({
          from: p.validFrom, ownership_pct: p.ownershipPct, financial_control: p.financialControl, operational_control: p.operationalControl,
        })),
        share: at.share,
        share_reason: at.reason,
      };
    }),
    sites: sites.map((s) => ({
      name: s.name, entity: entityName.get(s.entityId) ?? String(s.entityId), country: s.country, grid_region: s.gridRegion, market: s.market,
      grid_factor_region: gridFactorRegion(factors, s.gridRegion),
    })),
    business_units: units.map((u) => u.name),
    metrics: metrics.map((m) => ({
      metric: m.metric,
      year: metricYearLabel({ start: m.periodStart, end: m.periodEnd }, org.yearStartMonth),
      period_start: m.periodStart,
      period_end: m.periodEnd,
      value: m.value,
      unit: m.unit,
    })),
  };
}
