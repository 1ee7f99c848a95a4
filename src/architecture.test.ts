import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rule of ARCHITECTURE.md, checked through the same ESLint config `npm run lint` uses.
describe('architecture', () => {
  const eslint = new ESLint();
  const lint = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]?.messages ?? [];

  it('refuses an I/O import in the domain core', async () => {
    const messages = await lint("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/core/units/io-leak.ts');
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('refuses a core import of an outer layer', async () => {
    const messages = await lint("import { main } from '../../cli/main.js';\nexport const x = main;\n", 'src/core/calc/leak.ts');
    expect(messages.map((m) => m.message).join(' ')).toMatch(/must not depend on outer layers/);
  });

  it('refuses process and console in the core', async () => {
    const messages = await lint('export const v = process.env.X;\nconsole.log(v);\n', 'src/core/calc/leak.ts');
    expect(messages.filter((m) => m.ruleId === 'no-restricted-globals')).toHaveLength(2);
  });

  it('refuses an adapter import in the application layer', async () => {
    const messages = await lint("import { SqlOrgStore } from '../../db/sql-org-store.js';\nexport const x = SqlOrgStore;\n", 'src/app/org/leak.ts');
    expect(messages.map((m) => m.message).join(' ')).toMatch(/depends on ports/);
  });

  it('allows the same import outside the core', async () => {
    const messages = await lint("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/cli/io-ok.ts');
    expect(messages).toEqual([]);
  });
});
