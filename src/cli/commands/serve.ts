/**
 * @module cli/commands/serve
 * `carbon-ledger serve [--port N] [--host H] [--demo-login] [--secure-cookies]`: the web app and the HTTP API on one
 * port (PORT, default 3000), over the same ledger as every other command.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ensureDemoAccount } from '../../app/demo/demo-account.js';
import { openDatabase } from '../../db/open-database.js';
import { SqlAccountStore } from '../../db/sql-account-store.js';
import { SqlOrgStore } from '../../db/sql-org-store.js';
import { loadLibrary } from '../../library/load-library.js';
import { argon2Hasher } from '../../server/argon2-hasher.js';
import { buildServer } from '../../server/server.js';
import { cliActor, withDataDir, type LedgerFlags } from '../ledger-context.js';

/** dist/web at the package root (built by `npm run build`). */
const WEB_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

interface ServeFlags extends LedgerFlags {
  readonly port: string;
  readonly host: string;
  readonly demoLogin?: boolean;
  readonly secureCookies?: boolean;
}

export function registerServe(program: Command): void {
  withDataDir(program.command('serve'))
    .description('serve the web app and the HTTP API (/api/v1, OpenAPI at /api/openapi.json)')
    .option('--port <port>', 'port (default: PORT or 3000)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)', process.env.HOST ?? '127.0.0.1')
    .option('--demo-login', 'create the demo login (admin of the demo organisations) and print it')
    .option('--secure-cookies', 'mark session cookies Secure (serve behind HTTPS); also COOKIE_SECURE=1')
    .action(async (flags: ServeFlags) => {
      // Requests act in their member's name (server/mount.ts); the server's own changes, in this.
      const db = await openDatabase({ dataDir: flags.dataDir, actor: `carbon-ledger serve (${cliActor()})` });
      const hasher = argon2Hasher();
      const secureCookies = flags.secureCookies === true || process.env.COOKIE_SECURE === '1';
      const app = await buildServer({ db, lib: loadLibrary(), hasher, webDir: WEB_DIR, secureCookies });
      const close = async (): Promise<void> => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
      const url = await app.listen({ port: Number(flags.port), host: flags.host });
      process.stdout.write(`Carbon Ledger is serving ${url.replace('127.0.0.1', 'localhost')}  (API ${url}/api/v1, OpenAPI ${url}/api/openapi.json; data: ${db.location})\n`);
      if (flags.demoLogin === true) {
        const login = await ensureDemoAccount(new SqlAccountStore(db), new SqlOrgStore(db), hasher, ['jasons-team', 'mekong-devices']);
        process.stdout.write(`Demo login: ${login.email} / ${login.password}\n`);
      }
      process.stdout.write('Press Ctrl+C to stop.\n');
      await new Promise(() => undefined);
    });
}
