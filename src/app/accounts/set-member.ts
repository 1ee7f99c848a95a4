/**
 * @module accounts/set-member
 * `carbon-ledger org member SLUG EMAIL --role R` and the API's `members`: give an existing
 * account a role in an organisation (a data owner, its business units). The account signs up
 * first (web app or API); an organisation keeps at least one admin.
 */
import { AppError } from '../app-error.js';
import type { Role } from '../access/permissions.js';
import type { Organisation } from '../ledger/model.js';
import type { OrgStore } from '../org/org-store.js';
import type { AccountStore, Member } from './account-store.js';

export interface MemberInput {
  readonly email: string;
  readonly role: Role;
  readonly business_units: readonly string[];
}

export async function setMember(accounts: AccountStore, orgs: OrgStore, org: Organisation, m: MemberInput): Promise<Member[]> {
  const user = await accounts.findUserByEmail(m.email);
  if (user === null) throw new AppError('not_found', `email: no account for ${m.email}; they sign up first (web app or API), then you add them`);
  const known = new Set((await orgs.listUnits(org.orgId)).map((u) => u.name));
  const unknown = m.business_units.filter((u) => !known.has(u));
  if (unknown.length > 0) throw new AppError('invalid_input', `business_units: unknown in ${org.slug}: ${unknown.join(', ')}`);
  const admins = (await accounts.listMembers(org.orgId)).filter((x) => x.role === 'admin');
  if (m.role !== 'admin' && admins.length === 1 && admins[0]?.email === user.email) {
    throw new AppError('conflict', `role: ${user.email} is the only admin of ${org.slug}; make someone else admin first`);
  }
  await accounts.setMembership(org.orgId, user.userId, m.role, m.role === 'data_owner' ? m.business_units : []);
  return accounts.listMembers(org.orgId);
}
