/**
 * Child process of the ledger benchmark on PGlite, in two steps as a user meets them:
 * `setup DIR` creates the data directory (PGlite's initdb), migrates it and creates the
 * organisation — what `npm start` or the first `org apply` does once; `import DIR CSV FOLLOW_UP_CSV`
 * opens it and imports both files, as `carbon-ledger import` would; `recalc DIR` recalculates and
 * reports; `floor DIR RECORDS_CSV` copies the rows an import stored (its records with their
 * results, as CSV) into an empty copy of their table: what storing them costs PGlite alone. Each
 * step is its own process, so that /usr/bin/time measures each one's peak memory. Prints JSON.
 */
import { createReadStream, mkdirSync } from 'node:fs';
import { PgliteDatabase } from '../db/pglite-database.js';
import { migrate } from '../db/migrate.js';
import { importLedgerThenFollowUp, recalcLedger, setUpOrg } from './ledger-workload.js';
import { SqlOrgStore } from '../db/sql-org-store.js';

const [step, dataDir, csv, followUp] = process.argv.slice(2) as ['setup' | 'import' | 'recalc' | 'floor', string, string | undefined, string | undefined];
// PGlite opens an existing directory (its lock lives inside it); setup makes it, as openDatabase does.
if (step === 'setup') mkdirSync(dataDir, { recursive: true });
const db = await PgliteDatabase.open(dataDir);
if (step === 'setup') {
  await migrate(db);
  await setUpOrg(db);
} else if (step === 'floor' && csv !== undefined) {
  process.stdout.write(JSON.stringify({ storeFloorSeconds: await storeFloor(db, csv) }) + '\n');
} else {
  const org = await new SqlOrgStore(db).findOrg('bench');
  if (org === null) throw new Error('import or recalc after setup');
  const figures = step === 'import' && csv !== undefined && followUp !== undefined
    ? await importLedgerThenFollowUp(db, org, csv, followUp) : await recalcLedger(db, org);
  process.stdout.write(JSON.stringify(figures) + '\n');
}
await db.close();

/** Seconds to COPY the records' CSV into an empty, keyed copy of their table, in one transaction, about 1 MiB a COPY (an import's chunk). */
async function storeFloor(db: PgliteDatabase, records: string): Promise<number> {
  await db.exec('CREATE TABLE floor_activity_records (LIKE activity_records INCLUDING ALL); CHECKPOINT');
  const columns = (await db.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = 'activity_records'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`)).map((c) => c.name);
  const start = performance.now();
  await db.transaction(async (tx) => {
    let rest = '';
    for await (const block of createReadStream(records, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
      const text = rest + block;
      const end = text.lastIndexOf('\n') + 1;
      rest = text.slice(end);
      if (end > 0) await tx.copyFrom('floor_activity_records', columns, [text.slice(0, end)]);
    }
    if (rest !== '') await tx.copyFrom('floor_activity_records', columns, [rest]);
  });
  return (performance.now() - start) / 1000;
}
