/**
 * @module server/routes/report-routes
 * Reports: the reporting years with results, the inventory of a year (the same document as
 * `carbon-ledger report inventory --json`) and its CSV/XLSX download.
 */
import type { FastifyInstance } from 'fastify';
import { inventoryCsv, inventoryWorkbook } from '../../app/report/inventory-files.js';
import { inventoryTables } from '../../app/report/inventory-table.js';
import { reportingYears } from '../../app/report/list-records.js';
import { reportInventory } from '../../app/report/report-inventory.js';
import { inScope, mount, SENT } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';


export function reportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  mount(app, deps, 'reportingYears', async ({ scope }) => {
    const s = inScope(scope);
    return { years: await reportingYears(s.ledger.stores, s.org) };
  });
  mount(app, deps, 'inventory', async ({ scope, query }) => {
    const s = inScope(scope);
    return reportInventory(s.ledger.stores, { org: s.org.slug, year: query.year, version: query.calc_version });
  });
  mount(app, deps, 'exportInventory', async ({ scope, query, reply }) => {
    const s = inScope(scope);
    const report = await reportInventory(s.ledger.stores, { org: s.org.slug, year: query.year, version: query.calc_version });
    const tables = inventoryTables(report, query.lang);
    const name = `${s.org.slug}-${report.year}-inventory.${query.format}`;
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    if (query.format === 'csv') {
      void reply.type('text/csv; charset=utf-8').send(inventoryCsv(tables));
    } else {
      const buffer = await inventoryWorkbook(tables).xlsx.writeBuffer();
      void reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(buffer));
    }
    return SENT;
  });
}
