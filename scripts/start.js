// `npm start`: until the server exists, a short tour of the CLI on the bundled example.
import { main } from '../dist/cli/main.js';

const example = 'examples/calc-example.json';
console.log(`Carbon Ledger — calculating ${example} with the shipped factor library\n`);
const status = await main(['node', 'carbon-ledger', 'calc', '--input', example]);
console.log(`
What to try next:
  npx carbon-ledger calc --input ${example} --json        every line with its explanation
  npx carbon-ledger factors search natural gas --region US --year 2024
  npx carbon-ledger factors search electricity grid --region VN --json
  npx carbon-ledger calc --input FILE.ndjson --factors side.json   one activity per line, streamed
  npm test                                                the whole test suite
The input and output formats are in docs/calc-format.md.`);
process.exitCode = status;
