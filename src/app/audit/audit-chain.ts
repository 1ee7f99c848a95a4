/**
 * @module audit/audit-chain
 * The audit log's hash chain, recomputed here in Node.js from the stored fields as text (the
 * time and the jsonb detail as PostgreSQL renders them), apart from the database function that
 * wrote it (migrations/0009, docs/audit-log.md):
 *   hash = sha256 of the fields org_id, seq, at, actor, action, detail, prev_hash, each written
 *          `<characters>:<text>`, one per line (so no field's text can pass for another's), hex;
 *   prev_hash = the previous entry's hash, 64 zeros for the first.
 * A changed field breaks its entry's hash; a removed or reordered entry breaks the numbering or
 * the next entry's link. Removing the newest entries leaves a shorter intact chain, which only a
 * head kept elsewhere reveals.
 */
import { createHash } from 'node:crypto';
import type { AuditLink } from './audit-store.js';

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(orgId: number, e: Omit<AuditLink, 'hash'>): string {
  const text = [String(orgId), String(e.seq), e.at, e.actor, e.action, e.detailText, e.prevHash].map((f) => `${[...f].length}:${f}`).join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The first entry that does not hold: what is wrong (`fault`, for programs) and in words. */
export interface ChainBreak {
  readonly seq: number;
  readonly fault: 'missing' | 'out_of_order' | 'link' | 'content';
  readonly problem: string;
}

export interface ChainCheck {
  readonly entries: number;
  /** The newest entry of the intact part (the whole chain when nothing is broken). */
  readonly head: ChainHead | null;
  readonly broken: ChainBreak | null;
}

/**
 * The check of a chain read oldest first, a part at a time (`add` each part in order), so that a
 * long log is checked in bounded memory. After the first break the rest is only counted.
 */
export class ChainWalk {
  private head: ChainHead | null = null;
  private broken: ChainBreak | null = null;
  private entries = 0;

  constructor(private readonly orgId: number) {}

  add(links: readonly AuditLink[]): void {
    for (const link of links) {
      this.entries++;
      if (this.broken === null) this.broken = this.fault(link);
      if (this.broken === null) this.head = { seq: link.seq, hash: link.hash };
    }
  }

  result(): ChainCheck {
    return { entries: this.entries, head: this.head, broken: this.broken };
  }

  private fault(link: AuditLink): ChainBreak | null {
    const head = this.head;
    const expectedSeq = (head?.seq ?? 0) + 1;
    const broken = (fault: ChainBreak['fault'], problem: string): ChainBreak => ({ seq: link.seq, fault, problem });
    if (link.seq < expectedSeq) return broken('out_of_order', `entry ${link.seq} comes again after entry ${expectedSeq - 1} (out of order)`);
    if (link.seq > expectedSeq) {
      return broken('missing', `entry ${expectedSeq}${link.seq > expectedSeq + 1 ? `–${link.seq - 1}` : ''} is missing (the next one is ${link.seq})`);
    }
    if (link.prevHash !== (head?.hash ?? GENESIS_HASH)) {
      return broken('link', `its prev_hash is not the hash of ${head === null ? 'the start of the chain' : `entry ${head.seq}`}`);
    }
    if (entryHash(this.orgId, link) !== link.hash) return broken('content', 'its content does not match its hash (changed after it was written)');
    return null;
  }
}

/** Checks `links` (oldest first) from the first entry to the last. */
export function checkChain(orgId: number, links: readonly AuditLink[]): ChainCheck {
  const walk = new ChainWalk(orgId);
  walk.add(links);
  return walk.result();
}
