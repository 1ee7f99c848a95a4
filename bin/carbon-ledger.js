#!/usr/bin/env node
// Entry point installed as `carbon-ledger`; the code is compiled to dist/ by `npm ci` (prepare).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv);
