/**
 * Child process of the ledger benchmark: the whole ledger run on PGlite in a fresh data directory,
 * so that /usr/bin/time can measure its peak memory alone. Prints the figures as JSON.
 */
import { PgliteDatabase } from '../db/pglite-database.js';
import { migrate } from '../db/migrate.js';
import { runLedger, setUpOrg } from './ledger-workload.js';

const [dataDir, csv] = process.argv.slice(2) as [string, string];
const db = await PgliteDatabase.open(dataDir);
await migrate(db);
const figures = await runLedger(db, await setUpOrg(db), csv);
await db.close();
process.stdout.write(JSON.stringify(figures) + '\n');
