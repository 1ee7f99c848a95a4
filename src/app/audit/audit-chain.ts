/**
 * @module audit/audit-chain
 * The audit log's hash chain, recomputed here from the stored fields, independently of the
 * database function that wrote it (migrations/0009, docs/audit-log.md):
 *   hash = sha256(org_id \n seq \n at \n actor \n action \n detail \n prev_hash), hex;
 *   prev_hash = the previous entry's hash, 64 zeros for the first.
 * A changed field breaks its entry's hash; a removed or reordered entry breaks the numbering or
 * the next entry's link. Removing the newest entries leaves a shorter intact chain, which only a
 * head kept elsewhere reveals.
 */
import { createHash } from 'node:crypto';
import type { AuditLink } from './audit-store.js';

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(orgId: number, e: Omit<AuditLink, 'hash'>): string {
  const text = [String(orgId), String(e.seq), e.at, e.actor, e.action, e.detailText, e.prevHash].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface ChainCheck {
  readonly entries: number;
  /** The newest entry of the intact part (the whole chain when nothing is broken). */
  readonly head: ChainHead | null;
  /** The first entry that does not hold, and why. */
  readonly broken: { readonly seq: number; readonly problem: string } | null;
}

/** Checks `links` (oldest first) from the first entry to the last. */
export function checkChain(orgId: number, links: readonly AuditLink[]): ChainCheck {
  let head: ChainHead | null = null;
  for (const link of links) {
    const expectedSeq = (head?.seq ?? 0) + 1;
    const problem = link.seq < expectedSeq
      ? `entry ${link.seq} comes again after entry ${expectedSeq - 1} (out of order)`
      : link.seq > expectedSeq
      ? `entry ${expectedSeq}${link.seq > expectedSeq + 1 ? `–${link.seq - 1}` : ''} is missing (the next one is ${link.seq})`
      : link.prevHash !== (head?.hash ?? GENESIS_HASH)
        ? `its prev_hash is not the hash of ${head === null ? 'the start of the chain' : `entry ${head.seq}`}`
        : entryHash(orgId, link) !== link.hash
          ? 'its content does not match its hash (changed after it was written)'
          : null;
    if (problem !== null) return { entries: links.length, head, broken: { seq: link.seq, problem } };
    head = { seq: link.seq, hash: link.hash };
  }
  return { entries: links.length, head, broken: null };
}
