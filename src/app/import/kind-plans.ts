/**
 * @module import/kind-plans
 * What differs between the three kinds of import: how a mapped row is validated (with what it
 * needs from the organisation, loaded once) and which table its records go to.
 */
import { AppError } from '../app-error.js';
import type { FactorIndex } from '../../core/index.js';
import type { Organisation } from '../ledger/model.js';
import type { OrgStore } from '../org/org-store.js';
import type { ImportKind } from './canonical-fields.js';
import type { RowReader } from './cells.js';
import type { BatchWriter, ImportStore } from './import-store.js';
import { activityValidator } from './validate-activity.js';
import { instrumentValidator } from './validate-instrument.js';
import { metricValidator } from './validate-metric.js';

export interface KindPlan {
  validate(r: RowReader, row: number): object | null;
  write(writer: BatchWriter, records: object[]): Promise<void>;
}

export interface PlanDeps {
  readonly imports: ImportStore;
  readonly orgs: OrgStore;
  readonly factors: FactorIndex;
}

type Validator<T> = (r: RowReader, row: number) => T | null;

function plan<T extends object>(validate: Validator<T>, write: (w: BatchWriter, rows: T[]) => Promise<void>): KindPlan {
  return { validate, write: (w, rows) => write(w, rows as T[]) };
}

/** `writableUnits`: a data owner's business units; only activities are theirs to write. */
export async function kindPlan(kind: ImportKind, deps: PlanDeps, org: Organisation, writableUnits?: readonly string[]): Promise<KindPlan> {
  if (writableUnits !== undefined && kind !== 'activities') {
    throw new AppError('forbidden', `a data owner imports activities of their business units, not ${kind}`);
  }
  if (kind === 'instruments') {
    return plan(instrumentValidator(await deps.imports.instrumentIds(org.orgId)), (w, rows) => w.addInstruments(rows));
  }
  if (kind === 'metrics') return plan(metricValidator(), (w, rows) => w.addMetrics(rows));
  const [sites, units] = await Promise.all([deps.orgs.listSites(org.orgId), deps.orgs.listUnits(org.orgId)]);
  return plan(activityValidator({
    orgSlug: org.slug, sites, units, factors: deps.factors,
    writableUnits: writableUnits === undefined ? undefined : new Set(writableUnits.map((u) => u.toLowerCase())),
  }), async (w, rows) => (await w.prepareActivities(rows)).write());
}
