// `npm start`: loads the demo organisations into the embedded database (./.carbon-ledger) and
// shows their inventories. Until the web app exists, it then says what to run next.
import { main } from '../dist/cli/main.js';

console.log('Carbon Ledger — loading the demo organisations into ./.carbon-ledger (embedded PostgreSQL)\n');
const status = await main(['node', 'carbon-ledger', 'demo']);
if (status === 0) {
  console.log(`
What to try next (all commands also take --json):
  npx carbon-ledger report inventory --org jasons-team --year FY2021     the year before
  npx carbon-ledger report inventory --org jasons-team --format xlsx -o inventory.xlsx
  npx carbon-ledger org show mekong-devices                              entities, ownership, sites
  npx carbon-ledger explain 1                                            one record's whole trace
  npx carbon-ledger import FILE.csv --org jasons-team                    your own data (docs/import.md)
  npx carbon-ledger calc --input examples/calc-example.json              a stateless calculation
  npx carbon-ledger factors search electricity grid --region VN          the factor library
Set DATABASE_URL=postgres://… to use a PostgreSQL server instead of the embedded database.`);
}
process.exitCode = status;
