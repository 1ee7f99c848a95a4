/**
 * @module db/sql-calc-store
 * CalcStore over the ledger schema: records joined to their sites, instruments, and versions whose
 * results and rollups are bulk-loaded with COPY.
 */
import { createHash } from 'node:crypto';
import { toGrams, type Instrument, type MarketPart, type MarketState } from '../core/index.js';
import type { RecordTraceRow } from '../app/ledger/explain-record.js';
import type { CalcResult, CalcStore, CalcVersion, InstrumentOutcome, NewVersion, OwnResults, StoredRecord, VersionWriter } from '../app/ledger/calc-store.js';
import type { EntityPeriod } from '../app/ledger/model.js';
import type { RollupKey, RollupSums } from '../app/ledger/rollup.js';
import type { VersionCause } from '../app/ledger/version-cause.js';
import { csvNumber, csvRow, csvText, type Queryable } from './database.js';

interface RecordRow extends Record<string, unknown> {
  record_id: number; site_id: number; unit_id: number | null; period_start: string; scope: number;
  category: number | null; method: string | null; quantity: number; unit: string; price_year: number | null;
  factor_id: string | null; activity: string | null; carrier: string | null; supplier: string | null;
}

/** What a record takes from its site. */
interface SiteColumns {
  entity_id: number; country: string; grid_region: string; market: string;
}

interface VersionRow extends Record<string, unknown> {
  version_id: number; created_at: unknown; reason: string; cause: unknown; gwp: string; library_hash: string; inputs_hash: string;
  consolidation: string; records: number; instruments: unknown; market_state: unknown; sites_hash: string | null; entity_periods: unknown;
}

const jsonb = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

const toVersion = (r: VersionRow): CalcVersion => ({
  versionId: Number(r.version_id), createdAt: new Date(r.created_at as string).toISOString(), reason: r.reason, cause: (jsonb(r.cause) ?? null) as VersionCause | null, gwp: r.gwp,
  libraryHash: r.library_hash, inputsHash: r.inputs_hash, consolidation: r.consolidation, records: Number(r.records),
  instruments: (jsonb(r.instruments) ?? []) as InstrumentOutcome[],
  marketState: (jsonb(r.market_state) ?? null) as MarketState | null, sitesHash: r.sites_hash,
  entityPeriods: (jsonb(r.entity_periods) ?? null) as EntityPeriod[] | null,
});

const RESULT_COLUMNS = ['org_id', 'version_id', 'record_id', 'co2e_kg', 'market_co2e_kg', 'biogenic_co2_kg', 'factor_id', 'method', 'market_parts'];

/**
 * A result's fields as COPY text, in CalcResult order: the last six RESULT_COLUMNS, and the result
 * columns of a record stored with its result (migration 0015, src/db/sql-import-store.ts).
 */
export const resultCsv = (r: CalcResult): string =>
  `${r.co2eKg},${csvNumber(r.marketCo2eKg)},${r.biogenicCo2Kg},${csvText(r.factorId)},${csvText(r.method)},${csvText(r.marketParts)}`;
/** The gas-group columns, in GAS_GROUP_COLUMNS order (app/ledger/line-gases.ts). */
const GAS_COLUMNS = ['co2_kg', 'ch4_co2e_kg', 'n2o_co2e_kg', 'hfcs_co2e_kg', 'pfcs_co2e_kg', 'sf6_co2e_kg', 'nf3_co2e_kg'] as const;
const ROLLUP_COLUMNS = ['org_id', 'version_id', 'month', 'entity_id', 'site_id', 'unit_id', 'scope', 'category', 'method',
  'co2e_kg', 'market_co2e_kg', 'biogenic_co2_kg', ...GAS_COLUMNS, 'lines'] as const;

export class SqlCalcStore implements CalcStore {
  constructor(private readonly db: Queryable) {}

  async instruments(orgId: number): Promise<Instrument[]> {
    const rows = await this.db.query<{ instrument_id: string; kind: Instrument['kind']; market: string; mwh: number | null;
      kg_co2e_per_mwh: number; vintage: number; supplier: string | null; serial: string | null; retired: boolean | null }>(
      `SELECT instrument_id, kind, market, mwh, kg_co2e_per_mwh, vintage, supplier, serial, retired
       FROM instruments WHERE org_id = $1 ORDER BY batch_id, instrument_id`, [orgId]);
    return rows.map((r) => ({
      id: r.instrument_id, kind: r.kind, market: r.market, mwh: r.mwh === null ? null : Number(r.mwh),
      kgCo2ePerMwh: Number(r.kg_co2e_per_mwh), vintage: Number(r.vintage), supplier: r.supplier, retired: r.retired, serial: r.serial,
    }));
  }

  async *records(orgId: number, pageSize: number): AsyncIterable<StoredRecord[]> {
    // Sites are few: join them in memory, so each page is a plain index range scan of the records
    // (a join in SQL let the planner scan every record for every page).
    const sites = new Map((await this.db.query<{ site_id: number; entity_id: number; country: string; grid_region: string; market: string }>(
      'SELECT site_id, entity_id, country, grid_region, market FROM sites WHERE org_id = $1', [orgId])).map((s) => [Number(s.site_id), s]));
    // One cursor over the records in record-id order, fetched a page at a time: a single plan for
    // the whole read (a fast-start index scan), whatever the table's statistics say. Paging with
    // "record_id > last LIMIT n" let a planner without fresh statistics sort the whole table for
    // every page, which made recalculation quadratic in the number of records.
    await this.db.query(
      `DECLARE calc_records NO SCROLL CURSOR FOR
       SELECT record_id, site_id, unit_id, period_start::text AS period_start, scope, category, method, quantity, unit,
              price_year, factor_id, activity, carrier, supplier
       FROM activity_records WHERE org_id = ${Number(orgId)} ORDER BY record_id`);
    try {
      for (;;) {
        const rows = await this.db.query<RecordRow>(`FETCH ${Number(pageSize)} FROM calc_records`);
        if (rows.length === 0) return;
        yield rows.map((r) => {
          const site = sites.get(Number(r.site_id));
          if (site === undefined) throw new Error(`record ${r.record_id}: site ${r.site_id} missing`);
          return toRecord(r, site);
        });
      }
    } finally {
      // After an error the transaction is aborted and rolls back, closing the cursor with it.
      await this.db.query('CLOSE calc_records').catch(() => undefined);
    }
  }

  async inputsHash(orgId: number, except?: number): Promise<string> {
    const rows = await this.db.query<{ content_hash: string }>(
      'SELECT content_hash FROM import_batches WHERE org_id = $1 AND batch_id IS DISTINCT FROM $2::bigint ORDER BY batch_id', [orgId, except ?? null]);
    return createHash('sha256').update(rows.map((r) => r.content_hash).join('\n')).digest('hex');
  }

  async hasRecords(orgId: number): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM activity_records WHERE org_id = $1 LIMIT 1', [orgId])).length > 0;
  }

  async lock(orgId: number): Promise<void> {
    // A transaction-level advisory lock in the ledger's own key space (1), per organisation.
    await this.db.query('SELECT pg_advisory_xact_lock(1, $1::int)', [orgId]);
  }

  async rollups(orgId: number, versionId: number): Promise<{ key: RollupKey; sums: RollupSums }[]> {
    const rows = await this.db.query<Record<(typeof ROLLUP_COLUMNS)[number], string | number>>(
      `SELECT month::text AS month, ${ROLLUP_COLUMNS.slice(3).join(', ')} FROM result_rollups WHERE org_id = $1 AND version_id = $2`, [orgId, versionId]);
    // Stored as grams / 1000: toGrams gives the exact grams back (far below 2^53 / 1000).
    return rows.map((r) => ({
      key: { month: String(r.month), entityId: Number(r.entity_id), siteId: Number(r.site_id), unitId: Number(r.unit_id), scope: Number(r.scope),
        category: Number(r.category), method: String(r.method) },
      sums: { co2eG: toGrams(Number(r.co2e_kg)), marketG: toGrams(Number(r.market_co2e_kg)), biogenicG: toGrams(Number(r.biogenic_co2_kg)),
        gasesG: GAS_COLUMNS.map((c) => toGrams(Number(r[c]))), lines: Number(r.lines) },
    }));
  }

  async latestVersion(orgId: number): Promise<CalcVersion | null> {
    const [row] = await this.db.query<VersionRow>('SELECT * FROM calc_versions WHERE org_id = $1 ORDER BY version_id DESC LIMIT 1', [orgId]);
    return row === undefined ? null : toVersion(row);
  }

  async version(orgId: number, versionId: number): Promise<CalcVersion | null> {
    const [row] = await this.db.query<VersionRow>('SELECT * FROM calc_versions WHERE org_id = $1 AND version_id = $2', [orgId, versionId]);
    return row === undefined ? null : toVersion(row);
  }

  async listVersions(orgId: number): Promise<CalcVersion[]> {
    return (await this.db.query<VersionRow>('SELECT * FROM calc_versions WHERE org_id = $1 ORDER BY version_id', [orgId])).map(toVersion);
  }

  async startVersion(orgId: number, v: NewVersion, ownResults: OwnResults = 'results'): Promise<VersionWriter> {
    const [row] = await this.db.query<{ version_id: number }>(
      `INSERT INTO calc_versions (org_id, version_id, reason, gwp, library_hash, inputs_hash, sites_hash, consolidation, entity_periods, records, cause)
       VALUES ($1, (SELECT coalesce(max(version_id), 0) + 1 FROM calc_versions WHERE org_id = $1), $2, $3, $4, $5, $6, $7, $8::jsonb, 0, $9::jsonb)
       RETURNING version_id`,
      [orgId, v.reason, v.gwp, v.libraryHash, v.inputsHash, v.sitesHash, v.consolidation, JSON.stringify(v.entityPeriods), v.cause === null ? null : JSON.stringify(v.cause)]);
    const versionId = Number(row?.version_id);
    const db = this.db;
    let inherited = false;
    const ownSource = (from: number) => db.query(`INSERT INTO version_result_sources (org_id, version_id, from_record_id, to_record_id, source_version_id, results_on_records)
      VALUES ($1, $2, $3, NULL, $2, $4)`, [orgId, versionId, from, ownResults === 'records']);
    return {
      versionId,
      async writeResults(ids: readonly number[], results: readonly CalcResult[]): Promise<void> {
        if (ownResults === 'records') throw new Error(`version ${versionId} stores its results with its records`);
        // One template per row, in RESULT_COLUMNS order (the hot path of a large import).
        const head = `${orgId},${versionId},`;
        let text = '';
        for (let i = 0; i < results.length; i++) {
          const r = results[i] as CalcResult;
          text += `${head}${ids[i]},${resultCsv(r)}\n`;
        }
        await db.copyFrom('results', RESULT_COLUMNS, [text]);
      },
      async inheritResults(fromVersionId: number, firstOwnRecordId: number | null): Promise<void> {
        // The earlier version's sources, the open one closed where this version's own records begin.
        await db.query(`INSERT INTO version_result_sources (org_id, version_id, from_record_id, to_record_id, source_version_id, results_on_records)
          SELECT org_id, $3, from_record_id, coalesce(to_record_id, $4), source_version_id, results_on_records
          FROM version_result_sources WHERE org_id = $1 AND version_id = $2`, [orgId, fromVersionId, versionId, firstOwnRecordId]);
        if (firstOwnRecordId !== null) await ownSource(firstOwnRecordId);
        inherited = true;
      },
      async writeRollups(rows: Iterable<{ key: RollupKey; sums: RollupSums }>): Promise<void> {
        const text: string[] = [];
        for (const { key: k, sums: s } of rows) {
          text.push(csvRow([orgId, versionId, k.month, k.entityId, k.siteId, k.unitId, k.scope, k.category, k.method,
            s.co2eG / 1000, s.marketG / 1000, s.biogenicG / 1000, ...s.gasesG.map((g) => g / 1000), s.lines]));
        }
        await db.copyFrom('result_rollups', ROLLUP_COLUMNS, text);
      },
      async finish(records: number, instruments: readonly InstrumentOutcome[], marketState: MarketState): Promise<void> {
        if (!inherited) await ownSource(0);
        await db.query('UPDATE calc_versions SET records = $3, instruments = $4::jsonb, market_state = $5::jsonb WHERE org_id = $1 AND version_id = $2',
          [orgId, versionId, records, JSON.stringify(instruments), JSON.stringify(marketState)]);
      },
    };
  }
}

function toRecord(r: RecordRow, site: SiteColumns): StoredRecord {
  return {
    recordId: Number(r.record_id), siteId: Number(r.site_id), entityId: Number(site.entity_id),
    unitId: r.unit_id === null ? null : Number(r.unit_id), periodStart: String(r.period_start).slice(0, 10),
    scope: Number(r.scope) as 1 | 2 | 3, category: r.category === null ? null : Number(r.category), method: r.method,
    quantity: Number(r.quantity), unit: r.unit, priceYear: r.price_year === null ? null : Number(r.price_year),
    factorId: r.factor_id, activity: r.activity, carrier: r.carrier, supplier: r.supplier,
    country: site.country, gridRegion: site.grid_region, market: site.market,
  };
}

/**
 * SQL for the result of record `rec`.record_id (`rec` a row of activity_records) in version
 * `version`, selecting `columns` of `res` (co2e_kg, market_co2e_kg, biogenic_co2_kg, factor_id,
 * method, market_parts): found through the version's result source for that record's id range
 * (migrations 0007 and 0015; the same conditions as their view version_results), in results or in
 * the record's own row. The last source starting at or before the record, and LIMIT 1, keep it a
 * per-record lookup (an index probe backwards from the record, and one into results where the
 * result is there) in a join over many records.
 */
export const RESULT_OF_RECORD = (columns: string, rec: string, version: string): string => `
  SELECT ${columns} FROM (
    SELECT src.source_version_id, src.results_on_records FROM version_result_sources src
    WHERE src.org_id = ${rec}.org_id AND src.version_id = ${version} AND src.from_record_id <= ${rec}.record_id
      AND (src.to_record_id IS NULL OR ${rec}.record_id < src.to_record_id)
    ORDER BY src.from_record_id DESC LIMIT 1) src
  CROSS JOIN LATERAL (
    SELECT kept.co2e_kg, kept.market_co2e_kg, kept.biogenic_co2_kg, kept.factor_id, kept.method, kept.market_parts FROM results kept
    WHERE NOT src.results_on_records AND kept.org_id = ${rec}.org_id AND kept.version_id = src.source_version_id AND kept.record_id = ${rec}.record_id
    UNION ALL
    SELECT ${rec}.co2e_kg, ${rec}.market_co2e_kg, ${rec}.biogenic_co2_kg, ${rec}.result_factor_id, ${rec}.result_method, ${rec}.market_parts
    WHERE src.results_on_records AND ${rec}.result_version_id = src.source_version_id) res`;

/** The trace of one record for explain: record, site, batch, and its result in version `versionId` (default: the latest). */
export async function recordTrace(db: Queryable, recordId: number, orgSlug?: string, versionId?: number): Promise<RecordTraceRow | null> {
  const [row] = await db.query<RecordRow & SiteColumns & {
    slug: string; site: string; entity: string; business_unit: string | null; batch_id: number; file_name: string; mapping: string; content_hash: string;
    imported_at: unknown; imported_by: string; row_number: number; source_id: string | null; version_id: number | null;
    created_at: unknown; gwp: string | null; library_hash: string | null; reason: string | null; cause: unknown; version_consolidation: string | null;
    version_periods: unknown; co2e_kg: number | null;
    market_co2e_kg: number | null; biogenic_co2_kg: number | null; result_factor: string | null; market_parts: unknown;
  }>(`
    SELECT r.record_id, r.site_id, s.entity_id, r.unit_id, r.period_start::text AS period_start, r.period_end::text AS period_end, r.scope, r.category, r.method, r.quantity,
           r.unit, r.price_year, r.factor_id, r.activity, r.carrier, r.supplier, s.country, s.grid_region, s.market,
           o.slug, s.name AS site, e.name AS entity, u.name AS business_unit, b.batch_id, b.file_name, b.mapping, b.content_hash,
           b.imported_at, b.imported_by, r.row_number, r.source_id, v.version_id, v.created_at, v.gwp, v.library_hash, v.reason, v.cause,
           v.consolidation AS version_consolidation, v.entity_periods AS version_periods, res.co2e_kg, res.market_co2e_kg, res.biogenic_co2_kg, res.factor_id AS result_factor, res.market_parts
    FROM activity_records r
    JOIN organisations o ON o.org_id = r.org_id
    JOIN sites s ON s.org_id = r.org_id AND s.site_id = r.site_id
    JOIN entities e ON e.org_id = s.org_id AND e.entity_id = s.entity_id
    LEFT JOIN business_units u ON u.org_id = r.org_id AND u.unit_id = r.unit_id
    JOIN import_batches b ON b.org_id = r.org_id AND b.batch_id = r.batch_id
    LEFT JOIN LATERAL (SELECT * FROM calc_versions cv WHERE cv.org_id = r.org_id AND ($3::bigint IS NULL OR cv.version_id = $3)
      ORDER BY cv.version_id DESC LIMIT 1) v ON true
    LEFT JOIN LATERAL (${RESULT_OF_RECORD('res.*', 'r', 'v.version_id')}) res ON true
    WHERE r.record_id = $1 AND ($2::text IS NULL OR o.slug = $2)`, [recordId, orgSlug ?? null, versionId ?? null]);
  if (row === undefined) return null;
  const parts = typeof row.market_parts === 'string' ? JSON.parse(row.market_parts) : row.market_parts;
  return {
    orgSlug: row.slug, record: toRecord(row, row), site: row.site, entity: row.entity, businessUnit: row.business_unit,
    batch: { batchId: Number(row.batch_id), fileName: row.file_name, mapping: row.mapping, contentHash: row.content_hash,
      importedAt: new Date(row.imported_at as string).toISOString(), importedBy: row.imported_by },
    rowNumber: Number(row.row_number), sourceId: row.source_id, periodEnd: String(row.period_end).slice(0, 10),
    version: row.version_id === null ? null : { versionId: Number(row.version_id), createdAt: new Date(row.created_at as string).toISOString(),
      gwp: row.gwp ?? 'AR5', libraryHash: row.library_hash ?? '', reason: row.reason ?? '',
      cause: (jsonb(row.cause) ?? null) as VersionCause | null, consolidation: row.version_consolidation ?? '',
      entityPeriods: (jsonb(row.version_periods) ?? null) as EntityPeriod[] | null },
    result: row.co2e_kg === null ? null : { co2eKg: Number(row.co2e_kg), marketCo2eKg: row.market_co2e_kg === null ? null : Number(row.market_co2e_kg),
      biogenicCo2Kg: Number(row.biogenic_co2_kg), factorId: row.result_factor ?? '', marketParts: (parts ?? null) as MarketPart[] | null },
  };
}
