/**
 * @module audit/read-audit
 * `audit log` and `audit verify` (CLI and API alike): an organisation's audit log a page at a
 * time, newest first, each entry with a one-line summary; and the check of its whole hash chain.
 */
import type { AccountStore } from '../accounts/account-store.js';
import { requireOrg } from '../org/org-input.js';
import type { OrgStore } from '../org/org-store.js';
import { ChainWalk, type ChainBreak, type ChainHead } from './audit-chain.js';
import type { AuditDetail, AuditEntry, AuditStore } from './audit-store.js';
import { entryParts, summariseEntry, type Fact } from './audit-summary.js';

interface Stores {
  readonly org: OrgStore;
  readonly audit: AuditStore;
}

export interface AuditPage {
  readonly org: string;
  /** Newest first. */
  readonly entries: readonly {
    readonly seq: number; readonly at: string; readonly actor: string; readonly action: string;
    /** The changed row's name and what happened to it (audit-summary.ts), and the English line of both. */
    readonly subject: string; readonly facts: readonly Fact[]; readonly summary: string;
    readonly detail: AuditDetail;
    /** The detail as hashed (PostgreSQL's jsonb text form), to recompute the hash outside. */
    readonly detail_text: string; readonly prev_hash: string; readonly hash: string;
  }[];
  /** The `before` of the next (older) page, or null when this one reaches the first entry. */
  readonly next_before: number | null;
}

/** `users`: the accounts that membership entries name by id, read for their e-mail addresses. */
export async function listAudit(
  stores: Stores, users: Pick<AccountStore, 'findUser'>, orgSlug: string, page: { readonly before?: number | undefined; readonly limit: number },
): Promise<AuditPage> {
  const org = await requireOrg(stores.org, orgSlug);
  const entries = await stores.audit.listEntries(org.orgId, { beforeSeq: page.before, limit: page.limit });
  const entityNames = new Map((await stores.org.listEntities(org.orgId)).map((e) => [e.entityId, e.name]));
  const emails = await emailsOf(users, entries);
  // An entity removed since keeps its id in the entry; so does an account deleted since.
  const names = {
    entity: (id: unknown) => entityNames.get(Number(id)) ?? String(id),
    account: (id: unknown) => emails.get(Number(id)) ?? `user ${String(id)}`,
  };
  const oldest = entries.at(-1)?.seq;
  return {
    org: org.slug,
    entries: entries.map((e) => {
      const parts = entryParts(e, names);
      return {
        seq: e.seq, at: e.at, actor: e.actor, action: e.action, ...parts, summary: summariseEntry(e, parts), detail: e.detail, detail_text: e.detailText,
        prev_hash: e.prevHash, hash: e.hash,
      };
    }),
    next_before: oldest !== undefined && oldest > 1 && entries.length === page.limit ? oldest : null,
  };
}

/** The e-mail of each account the page's membership entries name (only those: no other account is read). */
async function emailsOf(users: Pick<AccountStore, 'findUser'>, entries: readonly AuditEntry[]): Promise<Map<number, string>> {
  const ids = new Set(entries.filter((e) => e.action.startsWith('memberships.')).map((e) => Number(e.detail.row?.user_id)).filter(Number.isSafeInteger));
  const emails = new Map<number, string>();
  for (const id of ids) {
    const user = await users.findUser(id);
    if (user !== null) emails.set(id, user.email);
  }
  return emails;
}

export interface AuditCheck {
  readonly org: string;
  readonly entries: number;
  /** Every entry holds, from the first to the last. */
  readonly intact: boolean;
  /** The newest entry, when the chain is intact: keep it outside the database to detect a cut-off tail. */
  readonly head: ChainHead | null;
  readonly broken: ChainBreak | null;
  /** When broken: the last entry before the break that holds (null when none does). */
  readonly intact_until: ChainHead | null;
  /** A head kept from earlier (a published report's): whether the intact chain still holds it. */
  readonly kept_head: (ChainHead & { readonly reached: boolean; readonly problem: string | null }) | null;
  /** Intact, and reaching the kept head when one was given: what `audit verify` exits 0 on. */
  readonly ok: boolean;
}

/** Entries `verifyAudit` reads at a time: memory holds one part, however long the log. */
const CHAIN_PART = 5000;

export async function verifyAudit(stores: Stores, orgSlug: string, kept?: ChainHead, partSize = CHAIN_PART): Promise<AuditCheck> {
  const org = await requireOrg(stores.org, orgSlug);
  const walk = new ChainWalk(org.orgId);
  let keptHash: string | undefined;
  for (let afterSeq = 0; ;) {
    const part = await stores.audit.chain(org.orgId, { afterSeq, limit: partSize });
    walk.add(part);
    if (kept !== undefined) keptHash ??= part.find((l) => l.seq === kept.seq)?.hash;
    const last = part.at(-1);
    if (last === undefined || part.length < partSize) break;
    afterSeq = last.seq;
  }
  const check = walk.result();
  const keptHead = kept === undefined ? null : { ...kept, ...reachedHead(check.head, keptHash, kept) };
  const intact = check.broken === null;
  return {
    org: org.slug, entries: check.entries, intact, head: intact ? check.head : null, broken: check.broken, intact_until: intact ? null : check.head,
    kept_head: keptHead, ok: intact && keptHead?.reached !== false,
  };
}

/** Whether the intact chain, ending at `head`, holds the kept head (`hash`: the stored hash of its entry). */
function reachedHead(head: ChainHead | null, hash: string | undefined, kept: ChainHead): { reached: boolean; problem: string | null } {
  if (head === null || kept.seq > head.seq) {
    return { reached: false, problem: `the intact chain ends at entry ${head?.seq ?? 0}, before entry ${kept.seq}: entries were cut off or broken` };
  }
  return hash === kept.hash ? { reached: true, problem: null } : { reached: false, problem: `entry ${kept.seq} has another hash now (${hash ?? 'none'}): the chain was rewritten` };
}
