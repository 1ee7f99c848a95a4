/**
 * @module demo/demo-account
 * The demo login printed by `npm start`: an account that is admin of the demo organisations.
 * Created once; its password is public by design (a demo on localhost), so it is never a real
 * account's.
 */
import type { AccountStore } from '../accounts/account-store.js';
import type { PasswordHasher } from '../accounts/accounts.js';
import type { OrgStore } from '../org/org-store.js';

export const DEMO_LOGIN = { email: 'demo@carbon-ledger.test', password: 'demo-password-2026', name: 'Demo User' } as const;

export async function ensureDemoAccount(accounts: AccountStore, orgs: OrgStore, hasher: PasswordHasher, orgSlugs: readonly string[]): Promise<typeof DEMO_LOGIN> {
  const found = await accounts.findUserByEmail(DEMO_LOGIN.email);
  const userId = found?.userId ?? (await accounts.createUser(DEMO_LOGIN.email, DEMO_LOGIN.name, await hasher.hash(DEMO_LOGIN.password))).userId;
  for (const slug of orgSlugs) {
    const org = await orgs.findOrg(slug);
    if (org !== null) await accounts.setMembership(org.orgId, userId, 'admin', []);
  }
  return DEMO_LOGIN;
}
