/**
 * Browser-test harness: the real server (built web app in dist/web + API) on a fresh PostgreSQL
 * test database, and Debian's Chromium driven by Playwright (playwright-core; no downloaded
 * browsers). `npm test` builds dist/web before the tests run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadLibrary } from '../../src/library/load-library.js';
import { buildServer } from '../../src/server/server.js';
import { openTestDatabase, type TestDatabase } from '../../src/test-support/databases.js';
import { TEST_HASHER } from '../../src/test-support/test-server.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = `${ROOT}dist/web`;
export const SCREENSHOTS = `${ROOT}docs/screenshots`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  readonly base: string;
  readonly database: TestDatabase;
  readonly app: FastifyInstance;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error(`${WEB_DIR}/index.html is missing: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);
  const database = await openTestDatabase('postgres');
  const app = await buildServer({ db: database.db, lib: loadLibrary(), hasher: TEST_HASHER, webDir: WEB_DIR, checkResponses: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    base: `http://127.0.0.1:${port}`, database, app, browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

/** Serious and critical axe violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

interface CliInventory {
  readonly totals: Record<string, number>;
  readonly calc_version: { readonly id: number; readonly gwp: string };
}

/** The real CLI over the same database: `carbon-ledger report inventory --json`. */
export async function cliInventory(databaseUrl: string, org: string, year: string): Promise<CliInventory> {
  const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}bin/carbon-ledger.js`, 'report', 'inventory', '--org', org, '--year', year, '--json'],
    { env: { ...process.env, DATABASE_URL: databaseUrl } });
  return JSON.parse(stdout) as CliInventory;
}
