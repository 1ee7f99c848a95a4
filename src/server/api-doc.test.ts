/** docs/api.md lists every endpoint of the contract, with its access rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../api/contract.js';

const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

describe('docs/api.md', () => {
  it.each(Object.entries(routes))('lists %s', (_name, r) => {
    expect(doc).toContain(`| \`${r.method} ${r.path}\` | ${r.access} |`);
  });
});
