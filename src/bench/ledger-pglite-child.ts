/**
 * Child process of the ledger benchmark on PGlite, in two steps as a user meets them:
 * `setup DIR` creates the data directory (PGlite's initdb), migrates it and creates the
 * organisation — what `npm start` or the first `org apply` does once; `import DIR CSV FOLLOW_UP_CSV`
 * opens it and imports both files, as `carbon-ledger import` would; `recalc DIR` recalculates and
 * reports. Each step
 * is its own process, so that /usr/bin/time measures each one's peak memory. Prints JSON.
 */
import { mkdirSync } from 'node:fs';
import { PgliteDatabase } from '../db/pglite-database.js';
import { migrate } from '../db/migrate.js';
import { importLedgerThenFollowUp, recalcLedger, setUpOrg } from './ledger-workload.js';
import { SqlOrgStore } from '../db/sql-org-store.js';

const [step, dataDir, csv, followUp] = process.argv.slice(2) as ['setup' | 'import' | 'recalc', string, string | undefined, string | undefined];
// PGlite opens an existing directory (its lock lives inside it); setup makes it, as openDatabase does.
if (step === 'setup') mkdirSync(dataDir, { recursive: true });
const db = await PgliteDatabase.open(dataDir);
if (step === 'setup') {
  await migrate(db);
  await setUpOrg(db);
} else {
  const org = await new SqlOrgStore(db).findOrg('bench');
  if (org === null) throw new Error('import or recalc after setup');
  const figures = step === 'import' && csv !== undefined && followUp !== undefined
    ? await importLedgerThenFollowUp(db, org, csv, followUp) : await recalcLedger(db, org);
  process.stdout.write(JSON.stringify(figures) + '\n');
}
await db.close();
