/**
 * `npm run bench:api`: only the web app API benchmark; replaces its section of docs/benchmarks.md
 * (everything from its heading on), leaving the other sections as the last full run wrote them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_HEADING, apiBenchSection } from './api-bench.js';

const OUT = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

const section = await apiBenchSection();
const current = await readFile(OUT, 'utf8').catch(() => '# Benchmarks\n');
const at = current.indexOf(API_HEADING);
await writeFile(OUT, (at < 0 ? current.trimEnd() + '\n\n' : current.slice(0, at)) + section);
