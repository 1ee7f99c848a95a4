import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlImportStore } from '../../db/sql-import-store.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { calculateBatch } from '../ledger/extend-version.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { count, createAcme, depsFor, fixture, FIXTURES, pathSource, withActivityWrites } from './fixtures/test-org.js';
import { findMapping } from './find-mapping.js';
import { formatRowError, importFile, type ImportRequest } from './import-file.js';
import { listQuarantined, quarantinedCsv } from './list-quarantined.js';
import { parseMapping } from './mapping-schema.js';

const HEADER = 'source_id,site,business_unit,period_start,period_end,period,scope,category,method,quantity,unit,price_year,factor,activity,carrier,supplier';
const canonical = { name: 'canonical', mapping: parseMapping('canonical', { extra_columns: 'error' }) };

describe.each(ENGINES)('importFile on %s', (engine) => {
  let t: TestDatabase;
  let dir: string;
  let orgs = 0;
  /** A request for a new organisation (so that tests do not see each other's batches). */
  const request = async (file = 'activities-canonical.csv', extra: Partial<ImportRequest> = {}): Promise<ImportRequest> => ({
    org: await createAcme(t.db, `acme-${orgs++}`), source: fixture(file), mapping: canonical, quarantine: false, importedBy: 'test', ...extra,
  });
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-import-'));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a canonical CSV with provenance on every record', async () => {
    const req = await request('activities-canonical.csv');
    const result = await importFile(depsFor(t.db), req);
    expect(result).toMatchObject({ status: 'imported', rowsTotal: 5, rowsImported: 5, rowsQuarantined: 0, errorCount: 0 });
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const rows = await t.db.query<Record<string, unknown>>(
      `SELECT r.row_number, r.source_id, r.period_start, r.period_end, r.scope, r.quantity, r.unit, r.activity, r.factor_id, b.file_name, b.content_hash
       FROM activity_records r JOIN import_batches b USING (org_id, batch_id) WHERE r.org_id = $1 ORDER BY r.row_number`, [req.org.orgId]);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual({ row_number: 3, source_id: 'PHL-GAS-2024-01', period_start: '2024-01-01', period_end: '2024-02-01', scope: 1,
      quantity: 2150.4, unit: 'mmBtu', activity: 'fuel.natural-gas', factor_id: null, file_name: 'activities-canonical.csv', content_hash: result.contentHash });
    expect(rows[2]).toMatchObject({ period_start: '2024-01-17', period_end: '2024-01-18', factor_id: 'epa-hub-2024/t2/diesel-fuel/gal' });
  });

  it('refuses rows whose source_id the ledger holds from another import, unless told they are other activities', async () => {
    const first = await request('activities-canonical.csv');
    const deps = depsFor(t.db);
    expect(await importFile(deps, first)).toMatchObject({ status: 'imported', rowsImported: 5 });
    // The same file a month later, with one row more (a cumulative export): its five earlier rows repeat.
    const lines = (await readFile(join(FIXTURES, 'activities-canonical.csv'), 'utf8')).trimEnd().split('\n');
    const extended = join(dir, 'extended.csv');
    await writeFile(extended, [...lines, lines[1]?.replace(/^[^,]+/, 'PHL-ELEC-2024-04')].join('\n') + '\n');
    const again = (extra: Partial<ImportRequest>) => importFile(deps, { ...first, source: pathSource(extended), ...extra });
    const refused = await again({});
    expect(refused).toMatchObject({ status: 'rejected', errorCount: 5 });
    expect(refused.errors[0]).toMatchObject({ row: 2, field: 'source_id', code: 'sourceIdImported' });
    expect(formatRowError(refused.errors[0] as (typeof refused.errors)[number])).toMatch(/^extended\.csv: row 2, field "source_id": source_id "[^"]+" is in the ledger already \(import \d+, row 2\): importing it again would count it twice/);
    expect(await again({ dryRun: true, quarantine: true })).toMatchObject({ status: 'valid', rowsImported: 1, rowsQuarantined: 5 });
    expect(await count(t.db, 'activity_records', first.org.orgId)).toBe(5);
    expect(await again({ quarantine: true })).toMatchObject({ status: 'imported', rowsImported: 1, rowsQuarantined: 5 });
    expect(await count(t.db, 'activity_records', first.org.orgId)).toBe(6);
    // Told the repeats are other activities, a file with the same ids is taken whole.
    await writeFile(extended, lines.join('\n') + '\n\n');
    expect(await again({ allowRepeats: true })).toMatchObject({ status: 'imported', rowsImported: 5 });
  });

  it('refuses a row repeating the source_id of an earlier row of the file, in any chunk, unless told they are other activities', async () => {
    const line = (id: string, kwh: number | string) => `${id},Philadelphia Plant,Manufacturing,,,2024-03,2,,,${kwh},kWh,,,electricity.grid,electricity,PECO Energy`;
    // 6,000 meter reads (two chunks of 5,000), then the first read again; an id whose first row
    // was refused (no quantity) is free for a later row.
    const rows = [...Array.from({ length: 6_000 }, (_, i) => line(`PHL-${i}`, 1000 + i)), line('PHL-0', 1000), line('PHL-LATE', ''), line('PHL-LATE', 500), line('PHL-5999', 7)];
    const path = join(dir, 'repeats.csv');
    await writeFile(path, [HEADER, ...rows].join('\n') + '\n');
    const req = await request('activities-canonical.csv', { source: pathSource(path) });
    const deps = depsFor(t.db);
    const refused = await importFile(deps, req);
    expect(refused).toMatchObject({ status: 'rejected', rowsTotal: 6_004, errorCount: 3 });
    expect(refused.errors.map((e) => [e.row, e.field, e.code])).toEqual([[6_002, 'source_id', 'sourceIdRepeated'], [6_003, 'quantity', 'missing'], [6_005, 'source_id', 'sourceIdRepeated']]);
    expect(formatRowError(refused.errors[0] as (typeof refused.errors)[number])).toBe('repeats.csv: row 6002, field "source_id": source_id "PHL-0" repeats row 2: importing both would count it twice (--allow-repeats if it is another activity)');
    expect(await importFile(deps, { ...req, dryRun: true, quarantine: true })).toMatchObject({ status: 'valid', rowsImported: 6_001, rowsQuarantined: 3 });
    const kept = await importFile(deps, { ...req, quarantine: true });
    expect(kept).toMatchObject({ status: 'imported', rowsImported: 6_001, rowsQuarantined: 3 });
    // Each quarantined row's id is in the ledger (the row it repeats, or the later row that took it): nothing to fix.
    const q = await listQuarantined({ org: new SqlOrgStore(t.db), imports: new SqlImportStore(t.db) }, req.org.slug, kept.batchId ?? 0);
    expect(q.rows.map((r) => [r.row, r.in_ledger])).toEqual([6_002, 6_003, 6_005].map((row, i) => [row, { batch_id: kept.batchId, row: [2, 6_004, 6_001][i] }]));
    const stored = await t.db.query<{ n: number; kwh: number }>('SELECT count(*)::int AS n, sum(quantity) AS kwh FROM activity_records WHERE org_id = $1', [req.org.orgId]);
    expect(stored).toEqual([{ n: 6_001, kwh: 6_000 * 1000 + (5_999 * 6_000) / 2 + 500 }]);
    // In an organisation holding earlier imports, a row is checked against both.
    await writeFile(path, [HEADER, line('PHL-1', 3), line('PHL-NEW', 4), line('PHL-NEW', 4)].join('\n') + '\n');
    const next = await importFile(deps, { ...req, quarantine: true });
    expect(next).toMatchObject({ status: 'imported', rowsImported: 1, rowsQuarantined: 2 });
    expect(next.errors.map((e) => [e.row, e.code])).toEqual([[2, 'sourceIdImported'], [4, 'sourceIdRepeated']]);
    // Told the repeats are other activities, every valid row is taken.
    await writeFile(path, [HEADER, ...rows].join('\n') + '\n');
    expect(await importFile(deps, { ...req, org: (await request()).org, quarantine: true, allowRepeats: true })).toMatchObject({ status: 'imported', rowsImported: 6_003, rowsQuarantined: 1 });
  });

  it('refuses an empty file, and a file with a header only, saying which it is', async () => {
    for (const [name, text, error] of [
      ['empty.csv', '', 'empty.csv: row 1, field "(file)": the file is empty (0 bytes): no header and no data rows'],
      ['header-only.csv', `${HEADER}\n`, 'header-only.csv: row 2, field "(file)": no data rows'],
    ] as const) {
      await writeFile(join(dir, name), text);
      const result = await importFile(depsFor(t.db), await request(undefined, { source: pathSource(join(dir, name)), quarantine: true }));
      expect([result.status, result.errors.map(formatRowError)]).toEqual(['rejected', [error]]);
    }
  });

  it('refuses a file with errors, naming file, row and field, and imports nothing', async () => {
    const req = await request('activities-with-errors.csv');
    const result = await importFile(depsFor(t.db), req);
    expect(result).toMatchObject({ status: 'rejected', batchId: null, errorCount: 6 });
    const lines = result.errors.map(formatRowError);
    expect(lines).toEqual([
      expect.stringMatching(/^activities-with-errors\.csv: row 3, field "unit": unknown unit "kwh"/),
      expect.stringMatching(/^activities-with-errors\.csv: row 4, field "site": unknown site "Boston Lab" in acme-\d+ \(known: Houston DC/),
      'activities-with-errors.csv: row 5, field "category": missing: a Scope 3 line needs its category (1–15)',
      expect.stringMatching(/^activities-with-errors\.csv: row 6, field "quantity": "1,250" is not a number/),
      expect.stringMatching(/^activities-with-errors\.csv: row 7, field "period": "31\/01\/2024" is not a period/),
      expect.stringMatching(/^activities-with-errors\.csv: row 8, field "activity": missing factor: no factor for activity "fuel.natural-gas" in a unit that kWh converts to in GB → WORLD/),
    ]);
    for (const table of ['import_batches', 'activity_records', 'quarantined_rows']) expect(await count(t.db, table, req.org.orgId)).toBe(0);
  });

  it('with quarantine imports the good rows and keeps the bad ones with their errors', async () => {
    const req = await request('activities-with-errors.csv', { quarantine: true });
    const result = await importFile(depsFor(t.db), req);
    expect(result).toMatchObject({ status: 'imported', rowsTotal: 8, rowsImported: 2, rowsQuarantined: 6, errorCount: 6 });
    const records = await t.db.query<{ row_number: number }>('SELECT row_number FROM activity_records WHERE org_id = $1 ORDER BY row_number', [req.org.orgId]);
    expect(records.map((r) => r.row_number)).toEqual([2, 9]);
    const bad = await t.db.query<{ row_number: number; raw: Record<string, unknown>; errors: { field: string; message: string }[] }>(
      'SELECT row_number, raw, errors FROM quarantined_rows WHERE org_id = $1 AND batch_id = $2 ORDER BY row_number', [req.org.orgId, result.batchId]);
    expect(bad.map((b) => b.row_number)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(bad[0]?.raw).toMatchObject({ source_id: 'PHL-ELEC-2024-03', unit: 'kwh', quantity: '179550' });
    expect(bad[3]?.errors).toEqual([{ field: 'quantity', message: expect.stringContaining('"1,250" is not a number'), code: 'notNumber', params: { value: '"1,250"' } }]);
  });

  it('gives the quarantined rows back as read, as a CSV that imports once fixed', async () => {
    const req = await request('activities-with-errors.csv', { quarantine: true });
    const first = await importFile(depsFor(t.db), req);
    const stores = { org: new SqlOrgStore(t.db), imports: new SqlImportStore(t.db) };
    const q = await listQuarantined(stores, req.org.slug, first.batchId ?? 0);
    expect(q).toMatchObject({ batch: { file_name: 'activities-with-errors.csv', rows_total: 8, rows_imported: 2, rows_quarantined: 6 } });
    expect(new Set(q.rows.map((r) => r.label))).toEqual(new Set(['row']));
    expect(q.rows.map((r) => [r.row, r.errors.map((e) => e.field)])).toEqual([
      [3, ['unit']], [4, ['site']], [5, ['category']], [6, ['quantity']], [7, ['period']], [8, ['activity']],
    ]);
    const csv = quarantinedCsv(q);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(parsed.map((r) => r.source_id)).toEqual(['PHL-ELEC-2024-03', 'BOS-ELEC-2024-02', 'PO-448901', 'HOU-DSL-0212', 'HOU-DSL-0229', 'LON-GAS-2024-02']);
    expect(csv.split('\n')[0]).toBe(HEADER); // the file's columns, in its order
    // The user fixes two rows in the file and imports it again: those two go in, the rest stay apart.
    const fixed = join(dir, `${engine}-fixed.csv`);
    await writeFile(fixed, csv.replace(',kwh,', ',kWh,').replace('"1,250"', '1250'));
    const again = await importFile(depsFor(t.db), { ...req, source: pathSource(fixed) });
    expect(again).toMatchObject({ status: 'imported', rowsTotal: 6, rowsImported: 2, rowsQuarantined: 4 });
    // The first batch's listing says which of its rows are in the ledger since; its CSV holds the four left to fix.
    const after = await listQuarantined(stores, req.org.slug, first.batchId ?? 0);
    expect(after.rows.map((r) => [r.row, r.in_ledger])).toEqual([
      [3, { batch_id: again.batchId, row: 2 }], [4, null], [5, null], [6, { batch_id: again.batchId, row: 5 }], [7, null], [8, null],
    ]);
    expect(Papa.parse<Record<string, string>>(quarantinedCsv(after), { header: true, skipEmptyLines: true }).data.map((r) => r.source_id))
      .toEqual(['BOS-ELEC-2024-02', 'PO-448901', 'HOU-DSL-0229', 'LON-GAS-2024-02']);
    await expect(listQuarantined(stores, req.org.slug, 999_999)).rejects.toMatchObject({ code: 'not_found' });
    // NDJSON in a .json file: its rows are lines, as the import said.
    const ndjson = join(dir, `${engine}-lines.json`);
    await writeFile(ndjson, (await readFile(`${FIXTURES}activities.ndjson`, 'utf8')).replace('"kWh"', '"kwh"'));
    const lines = await importFile(depsFor(t.db), { ...(await request(undefined, { quarantine: true })), source: pathSource(ndjson) });
    expect(lines.errors[0]?.label).toBe('line');
    const kept = await listQuarantined(stores, `acme-${orgs - 1}`, lines.batchId ?? 0);
    expect(kept.rows.map((r) => [r.label, r.row])).toEqual([['line', lines.errors[0]?.row]]);
  });

  it('treats a second import of the same content as a no-op', async () => {
    const req = await request('activities-canonical.csv');
    const first = await importFile(depsFor(t.db), req);
    const again = await importFile(depsFor(t.db), { ...req, source: { ...req.source, name: 'renamed.csv' } });
    expect(again).toMatchObject({ status: 'duplicate', batchId: first.batchId, rowsImported: 5 });
    expect(await count(t.db, 'import_batches', req.org.orgId)).toBe(1);
    expect(await count(t.db, 'activity_records', req.org.orgId)).toBe(5);
  });

  it('leaves nothing when the store fails part-way through a batch', async () => {
    const req = await request('activities-canonical.csv');
    const real = depsFor(t.db);
    // Fails on the first write of records, after the batch row exists inside the transaction.
    const failing = withActivityWrites(real.imports, async (w, rows) => {
      await (await w.prepareActivities(rows.slice(0, 3))).write();
      throw new Error('disk full after 3 rows');
    });
    await expect(importFile({ ...real, imports: failing }, req)).rejects.toThrow('disk full after 3 rows');
    expect(await count(t.db, 'import_batches', req.org.orgId)).toBe(0);
    expect(await count(t.db, 'activity_records', req.org.orgId)).toBe(0);
    expect((await importFile(real, req)).status).toBe('imported'); // and the file can be imported afterwards
  });

  /** A request for a file of 12,000 electricity rows (three chunks), its source ids `${idPrefix}0`…. */
  const streamedRequest = async (name: string, idPrefix: string): Promise<ImportRequest> => {
    const path = join(dir, `${name}-${engine}.csv`);
    const lines = Array.from({ length: 12_000 }, (_, i) => `${idPrefix}${i},Houston DC,2024-0${(i % 9) + 1},2,${100 + i},kWh,electricity.grid\n`);
    await writeFile(path, `source_id,site,period,scope,quantity,unit,activity\n${lines.join('')}`);
    return { ...(await request()), source: pathSource(path) };
  };

  it('leaves nothing when the store fails on a later chunk of a streamed file', async () => {
    const req = await streamedRequest('many', 'M-');
    const real = depsFor(t.db);
    let calls = 0;
    const failing = withActivityWrites(real.imports, async (w, rows, calculated) => {
      if (++calls === 2) throw new Error('killed after the first chunk');
      return w.prepareActivities(rows, calculated);
    });
    await expect(importFile({ ...real, imports: failing }, req)).rejects.toThrow('killed after the first chunk');
    expect(await count(t.db, 'import_batches', req.org.orgId)).toBe(0);
    expect(await count(t.db, 'activity_records', req.org.orgId)).toBe(0);
  });

  it('reports the write that failed, not the next chunk refused after it (an import calculated as it is read)', async () => {
    const req = await streamedRequest('many-failing', 'F-');
    const real = depsFor(t.db);
    let calls = 0;
    // The first chunk's write fails while the second is prepared, which then fails as a transaction does after an error.
    const failing = withActivityWrites(real.imports, async (w, rows, calculated) => {
      if (++calls === 2) throw new Error('current transaction is aborted');
      const prepared = await w.prepareActivities(rows, calculated);
      return { ids: prepared.ids, write: () => Promise.reject(new Error('disk full on the first chunk')) };
    });
    const lib = loadLibrary();
    const imported = importFile({ ...real, imports: failing }, req, (stores, batchId) => calculateBatch(stores, req.org, lib, batchId, 'test'));
    await expect(imported).rejects.toThrow('disk full on the first chunk');
    expect(calls).toBe(2);
    expect(await count(t.db, 'activity_records', req.org.orgId)).toBe(0);
  });

  it('imports the first sheet of an XLSX workbook, with real date cells', async () => {
    const path = join(dir, `bills-${engine}.xlsx`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Activities');
    ws.addRow(['source_id', 'site', 'period_start', 'period_end', 'scope', 'quantity', 'unit', 'activity']);
    ws.addRow(['PHL-ELEC-2024-06', 'Philadelphia Plant', new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 6, 1)), 2, 190210, 'kWh', 'electricity.grid']);
    ws.addRow(['HOU-ELEC-2024-06', 'Houston DC', '2024-06-01', '2024-07-01', 2, 121044.5, 'kWh', 'electricity.grid']);
    ws.getColumn(3).numFmt = 'yyyy-mm-dd';
    ws.getColumn(4).numFmt = 'yyyy-mm-dd';
    wb.addWorksheet('Notes').addRow(['ignored']);
    await wb.xlsx.writeFile(path);
    const req = { ...(await request()), source: pathSource(path) };
    const result = await importFile(depsFor(t.db), req);
    expect(result).toMatchObject({ status: 'imported', rowsImported: 2 });
    const rows = await t.db.query('SELECT row_number, period_start, period_end, quantity FROM activity_records WHERE org_id = $1 ORDER BY row_number', [req.org.orgId]);
    expect(rows).toEqual([
      { row_number: 2, period_start: '2024-06-01', period_end: '2024-07-01', quantity: 190210 },
      { row_number: 3, period_start: '2024-06-01', period_end: '2024-07-01', quantity: 121044.5 },
    ]);
    // A bad row with date cells is given back with its dates as the import reads them, so the fixed CSV imports.
    const julyBook = new ExcelJS.Workbook();
    const july = julyBook.addWorksheet('Activities');
    july.addRow(['source_id', 'site', 'period_start', 'period_end', 'scope', 'quantity', 'unit', 'activity']);
    july.addRow(['PHL-ELEC-2024-07', 'Philadelphia Plant', new Date(Date.UTC(2024, 6, 1)), new Date(Date.UTC(2024, 7, 1)), 2, 'n/a', 'kWh', 'electricity.grid']);
    const julyPath = join(dir, `bills-july-${engine}.xlsx`);
    await julyBook.xlsx.writeFile(julyPath);
    const kept = await importFile(depsFor(t.db), { ...req, source: pathSource(julyPath), quarantine: true });
    expect(kept).toMatchObject({ status: 'imported', rowsImported: 0, rowsQuarantined: 1 });
    const stores = { org: new SqlOrgStore(t.db), imports: new SqlImportStore(t.db) };
    const csv = quarantinedCsv(await listQuarantined(stores, req.org.slug, kept.batchId ?? 0));
    expect(csv).toBe('source_id,site,period_start,period_end,scope,quantity,unit,activity\nPHL-ELEC-2024-07,Philadelphia Plant,2024-07-01,2024-08-01,2,n/a,kWh,electricity.grid\n');
    const fixed = join(dir, `bills-fixed-${engine}.csv`);
    await writeFile(fixed, csv.replace('n/a', '201400'));
    expect(await importFile(depsFor(t.db), { ...req, source: pathSource(fixed) })).toMatchObject({ status: 'imported', rowsImported: 1 });
  });

  it('imports a JSON array and NDJSON, numbering items and lines', async () => {
    const req = await request('activities.json');
    expect(await importFile(depsFor(t.db), req)).toMatchObject({ status: 'imported', rowsImported: 3 });
    const nd = await importFile(depsFor(t.db), { ...req, source: fixture('activities.ndjson') });
    expect(nd).toMatchObject({ status: 'imported', rowsImported: 3 });
    const rows = await t.db.query<{ row_number: number }>('SELECT row_number FROM activity_records WHERE org_id = $1 AND batch_id = $2 ORDER BY 1', [req.org.orgId, nd.batchId]);
    expect(rows.map((r) => r.row_number)).toEqual([1, 2, 4]);
    const bad = join(dir, `bad-${engine}.ndjson`);
    await writeFile(bad, '{"site": "Houston DC", "period": "2024-05", "scope": 1, "quantity": 10, "unit": "L", "activity": "mobile.diesel-fuel"}\n{"site": "Houston DC", "quantity": "ten"\n');
    const refused = await importFile(depsFor(t.db), { ...req, source: pathSource(bad) });
    expect(refused.errors.map(formatRowError)).toEqual([expect.stringMatching(/^bad-\w+\.ndjson: line 2, field "\(row\)": not valid JSON/)]);
  });

  it('refuses a header the mapping does not know, before reading rows', async () => {
    const path = join(dir, `typo-${engine}.csv`);
    await writeFile(path, 'site,period,scope,qty,unit,activity\nHouston DC,2024-05,1,10,L,mobile.diesel-fuel\n');
    const result = await importFile(depsFor(t.db), { ...(await request(undefined, { quarantine: true })), source: pathSource(path) });
    expect(result.status).toBe('rejected');
    expect(formatRowError(result.errors[0] as never)).toMatch(/row 1, field "\(header\)": mapping "canonical" does not know column\(s\) "qty"/);
  });

  it('imports instruments in MWh and refuses one claimed twice', async () => {
    const req = await request('instruments.csv', { kind: 'instruments' });
    expect(await importFile(depsFor(t.db), req)).toMatchObject({ status: 'imported', rowsImported: 3 });
    const rows = await t.db.query('SELECT instrument_id, mwh, kg_co2e_per_mwh, row_number FROM instruments WHERE org_id = $1 ORDER BY row_number', [req.org.orgId]);
    expect(rows[2]).toEqual({ instrument_id: 'REGO-2024-OCT', mwh: 200, kg_co2e_per_mwh: 0, row_number: 4 });
    const path = join(dir, `rec-${engine}.csv`);
    await writeFile(path, 'id,kind,market,quantity,unit,co2e,co2e_unit,vintage\nREC-2024-PJM-0001,certificate,US,10,MWh,0,kg/MWh,2024\nREC-2,certificate,WORLD,10,MWh,0,kg/MWh,2024\n');
    const again = await importFile(depsFor(t.db), { ...req, source: pathSource(path) });
    expect(again.errors.map((e) => [e.row, e.field])).toEqual([[2, 'id'], [3, 'market']]);
  });

  it('imports metrics with their batch as provenance', async () => {
    const req = await request('metrics.csv', { kind: 'metrics' });
    const result = await importFile(depsFor(t.db), req);
    expect(result).toMatchObject({ status: 'imported', rowsImported: 4 });
    const rows = await t.db.query('SELECT metric, period_start, value, batch_id, row_number FROM org_metrics WHERE org_id = $1 ORDER BY row_number', [req.org.orgId]);
    expect(rows[0]).toEqual({ metric: 'revenue', period_start: '2024-01-01', value: 48200000, batch_id: result.batchId, row_number: 2 });
  });

  it('refuses metric rows that org metric refuses, naming row and field, and writes none', async () => {
    const req = await request('metrics.csv', { kind: 'metrics' });
    const path = join(dir, `bad-metrics-${engine}.csv`);
    await writeFile(path, 'metric,period_start,period_end,value,unit\nRevenue ($),2025-01-01,2025-04-01,100,USD\nemployees,2025-01-01,2025-04-01,-3,FTE\n');
    const result = await importFile(depsFor(t.db), { ...req, source: pathSource(path) });
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([[2, 'metric'], [3, 'value']]);
    expect(result.errors[1]?.message).toContain('must not be negative');
  });

  it('uses a saved mapping with scale and constants', async () => {
    const req = await request();
    const deps = depsFor(t.db);
    const definition = JSON.parse(await readFile(`${FIXTURES}meter-export.mapping.json`, 'utf8')) as unknown;
    await deps.imports.saveMapping(req.org.orgId, 'bms', definition);
    const path = join(dir, `bms-${engine}.csv`);
    await writeFile(path, 'Meter,Building,Month,Energy (Wh),Floor\nM-PHL-01,Philadelphia Plant,2024-07,201550000,3\n');
    const result = await importFile(deps, { ...req, source: pathSource(path), mapping: await findMapping(deps.imports, req.org.orgId, 'bms') });
    expect(result).toMatchObject({ status: 'imported', rowsImported: 1 });
    const [row] = await t.db.query('SELECT source_id, quantity, unit, scope, period_start, period_end FROM activity_records WHERE org_id = $1', [req.org.orgId]);
    expect(row).toEqual({ source_id: 'M-PHL-01', quantity: 201550, unit: 'kWh', scope: 2, period_start: '2024-07-01', period_end: '2024-08-01' });
  });
});
