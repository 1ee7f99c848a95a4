/**
 * @module server/routes/factor-routes
 * The factor library (search, one factor with its source) and the stateless calculation.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../app/app-error.js';
import { calculateInput } from '../../app/calc/calculate.js';
import { factorSummary } from '../../app/factors/factor-summary.js';
import { regionFallbacks, searchFactors } from '../../core/index.js';
import { mount } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

export function factorRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const ar5 = deps.lib.gwpSets.AR5;
  mount(app, deps, 'searchFactors', async ({ query }) => {
    const hits = searchFactors(deps.lib.index.all(), { text: query.q, region: query.region, year: query.year, limit: Number.MAX_SAFE_INTEGER });
    const regionFallback = query.region === undefined ? null : regionFallbacks(deps.lib.index.all(), query.region, hits);
    return { factors: hits.slice(0, query.limit).map((f) => factorSummary(f, ar5)), total: hits.length, region_fallback: regionFallback };
  });
  mount(app, deps, 'getFactor', async ({ params }) => {
    const f = deps.lib.index.get(params.id);
    if (f === undefined) throw new AppError('not_found', `no factor with id "${params.id}"`);
    return factorSummary(f, ar5);
  });
  mount(app, deps, 'calculate', async ({ body }) => calculateInput(body, deps.lib));
}
