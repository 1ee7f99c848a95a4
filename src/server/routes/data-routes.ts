/**
 * @module server/routes/data-routes
 * Data in and out: column mappings, import jobs with their event streams, import batches, the
 * records table and each record's trace.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../app/app-error.js';
import { BUILTIN_MAPPINGS } from '../../app/import/builtin-mappings.js';
import { findMapping, oneOffMapping } from '../../app/import/find-mapping.js';
import { importAndRecalculate } from '../../app/import/import-and-recalculate.js';
import { listImports } from '../../app/import/list-imports.js';
import { listQuarantined, quarantinedCsv } from '../../app/import/list-quarantined.js';
import { parseMapping } from '../../app/import/mapping-schema.js';
import { saveMapping } from '../../app/import/save-mapping.js';
import { listVersions } from '../../app/ledger/list-versions.js';
import { recalculate } from '../../app/ledger/recalculate.js';
import { explainRecord } from '../../app/ledger/explain-record.js';
import { listRecords } from '../../app/report/list-records.js';
import { failureReply } from '../http-error.js';
import { ImportJobs } from '../import-jobs.js';
import { inScope, mount, SENT } from '../mount.js';
import type { ServerDeps } from '../server-deps.js';

const MAX_UPLOAD = 210 * 1024 * 1024;


export function dataRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const jobs = new ImportJobs();

  mount(app, deps, 'listMappings', async ({ scope }) => {
    const s = inScope(scope);
    const saved = await s.ledger.stores.imports.listMappings(s.org.orgId);
    const savedNames = new Set(saved.map((m) => m.name));
    const view = (name: string, definition: unknown, builtin: boolean): { name: string; builtin: boolean; kind: 'activities' | 'instruments' | 'metrics' | null; description: string | null } => {
      const m = parseMapping(name, definition);
      return { name, builtin, kind: m.kind ?? null, description: m.description ?? null };
    };
    return {
      mappings: [
        ...saved.map((m) => view(m.name, m.definition, false)),
        ...Object.entries(BUILTIN_MAPPINGS).filter(([n]) => !savedNames.has(n)).map(([n, d]) => view(n, d, true)),
      ],
    };
  });

  mount(app, deps, 'saveMapping', async ({ scope, params, body }) => {
    const s = inScope(scope);
    const saved = await saveMapping(s.ledger.stores.imports, s.org.orgId, params.name, body);
    return { name: saved.name, mapping: saved.mapping };
  });

  mount(app, deps, 'recalculate', async ({ scope, body, caller }) => {
    const s = inScope(scope);
    const v = await recalculate(s.ledger, s.org, { kind: 'request', note: body.reason, by: caller?.user.email ?? 'api' }, deps.lib, { gwp: body.gwp });
    return { version_id: v.versionId, records: v.records };
  });

  mount(app, deps, 'listImports', async ({ scope }) => {
    const s = inScope(scope);
    return listImports(s.ledger.stores, s.org.slug);
  });
  mount(app, deps, 'listVersions', async ({ scope }) => {
    const s = inScope(scope);
    return listVersions(s.ledger.stores, s.org.slug);
  });
  mount(app, deps, 'listQuarantined', async ({ scope, params }) => {
    const s = inScope(scope);
    return listQuarantined(s.ledger.stores, s.org.slug, params.batch);
  });
  mount(app, deps, 'exportQuarantined', async ({ scope, params, reply }) => {
    const s = inScope(scope);
    const csv = quarantinedCsv(await listQuarantined(s.ledger.stores, s.org.slug, params.batch));
    void reply.header('content-disposition', `attachment; filename="${s.org.slug}-batch-${params.batch}-quarantined.csv"`);
    void reply.type('text/csv; charset=utf-8').send(csv);
    return SENT;
  });

  mount(app, deps, 'startImport', async ({ scope, body, caller }) => {
    const s = inScope(scope);
    const bytes = Buffer.from(body.content_base64, 'base64');
    const mapping = typeof body.mapping === 'string'
      ? await findMapping(s.ledger.stores.imports, s.org.orgId, body.mapping)
      : oneOffMapping('inline', body.mapping);
    const m = s.membership;
    const source = { name: body.file_name, size: bytes.length, open: () => Readable.from([bytes]) };
    const importedBy = caller?.user.email ?? 'api';
    const jobId = jobs.start(s.org.orgId, caller?.user.userId ?? 0, async (progress) => {
      const { result, calc } = await importAndRecalculate(s.ledger, deps.lib, {
        org: s.org, source, mapping, kind: body.kind, quarantine: body.quarantine, allowRepeats: body.allow_repeats, importedBy, onProgress: progress, dryRun: body.dry_run,
        writableUnits: m.role === 'data_owner' ? m.businessUnits : undefined,
      });
      return {
        status: result.status, batch_id: result.batchId, file: result.file, content_hash: result.contentHash, kind: result.kind,
        rows_total: result.rowsTotal, rows_imported: result.rowsImported, rows_quarantined: result.rowsQuarantined,
        error_count: result.errorCount, errors: result.errors, calc_version: calc?.versionId ?? null,
      };
    }, (e) => failureReply(e, `import-${randomUUID()}`).body);
    return { job_id: jobId };
  }, { bodyLimit: MAX_UPLOAD, transaction: 'statement' });

  mount(app, deps, 'importEvents', async ({ scope, params, caller, reply, req }) => {
    const s = inScope(scope);
    let unsubscribe: (() => void) | null = null;
    const stream = new Readable({ read() {} });
    unsubscribe = jobs.follow(params.job, s.org.orgId, caller?.user.userId ?? 0, (e, final) => {
      stream.push(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
      if (final) stream.push(null);
    });
    if (unsubscribe === null) throw new AppError('not_found', `no import job ${params.job}`);
    req.raw.on('close', () => unsubscribe?.());
    void reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no').send(stream);
    return SENT;
  });

  mount(app, deps, 'listRecords', async ({ scope, query }) => {
    const s = inScope(scope);
    return listRecords(s.ledger.stores, s.org, query);
  });

  mount(app, deps, 'explainRecord', async ({ scope, params, query }) => {
    const s = inScope(scope);
    return explainRecord(s.ledger.stores, deps.lib, params.id, s.org.slug, query.calc_version);
  });
}
