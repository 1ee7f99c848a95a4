// `npm start`: loads the demo organisations into the embedded database (./.carbon-ledger) once
// (a demo organisation already there is left as it is, with a user's edits), then serves the web app and the API on PORT (default 3000) with a demo login.
import { main } from '../dist/cli/main.js';

console.log('Carbon Ledger — loading the demo organisations into ./.carbon-ledger (embedded PostgreSQL)\n');
const status = await main(['node', 'carbon-ledger', 'demo', '--quiet', '--only-missing']);
if (status !== 0) process.exit(status);
console.log(`
The command line works on the same data (all commands also take --json):
  npx carbon-ledger report inventory --org jasons-team --year FY2021
  npx carbon-ledger explain 1
  npx carbon-ledger factors search electricity grid --region VN
`);
process.exitCode = await main(['node', 'carbon-ledger', 'serve', '--demo-login']);
