import { describe, expect, it } from 'vitest';
import { ChainWalk, checkChain, entryHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditLink } from './audit-store.js';

/** A chain of `n` entries of organisation 7, hashed by the rule. */
function chain(n: number): AuditLink[] {
  const links: AuditLink[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, at: `2026-12-01T10:00:0${seq}.000000Z`, actor: 'jason', action: 'sites.insert', detailText: `{"row": {"name": "Site ${seq}"}}`, prevHash: links.at(-1)?.hash ?? GENESIS_HASH };
    links.push({ ...body, hash: entryHash(7, body) });
  }
  return links;
}

describe('audit chain check', () => {
  it('accepts a chain built by the rule, and an empty one', () => {
    const links = chain(3);
    expect(checkChain(7, links)).toEqual({ entries: 3, head: { seq: 3, hash: links[2]?.hash }, broken: null });
    expect(checkChain(7, [])).toEqual({ entries: 0, head: null, broken: null });
  });

  it('binds entries to their organisation', () => {
    expect(checkChain(8, chain(2)).broken).toEqual({ seq: 1, fault: 'content', problem: 'its content does not match its hash (changed after it was written)' });
  });

  it('names the first entry that does not hold', () => {
    const [a, b, c] = chain(3) as [AuditLink, AuditLink, AuditLink];
    expect(checkChain(7, [a, c]).broken).toEqual({ seq: 3, fault: 'missing', problem: 'entry 2 is missing (the next one is 3)' });
    expect(checkChain(7, [a, b, b]).broken).toEqual({ seq: 2, fault: 'out_of_order', problem: 'entry 2 comes again after entry 2 (out of order)' });
    expect(checkChain(7, [a, { ...b, prevHash: c.hash }]).broken).toEqual({ seq: 2, fault: 'link', problem: 'its prev_hash is not the hash of entry 1' });
    expect(checkChain(7, [{ ...a, prevHash: b.hash }]).broken).toEqual({ seq: 1, fault: 'link', problem: 'its prev_hash is not the hash of the start of the chain' });
    expect(checkChain(7, [a, { ...b, detailText: '{"row": {"name": "Other"}}' }])).toMatchObject({ head: { seq: 1 }, broken: { seq: 2, fault: 'content' } });
  });

  it('checks a chain read in parts as it checks it whole, counting the entries after a break', () => {
    const links = chain(7);
    const inParts = (parts: readonly AuditLink[][]) => {
      const walk = new ChainWalk(7);
      for (const part of parts) walk.add(part);
      return walk.result();
    };
    expect(inParts([links.slice(0, 2), links.slice(2, 5), links.slice(5)])).toEqual(checkChain(7, links));
    const changed = links.map((l) => (l.seq === 4 ? { ...l, actor: 'mallory' } : l));
    expect(inParts([changed.slice(0, 3), changed.slice(3, 6), changed.slice(6)]))
      .toEqual({ entries: 7, head: { seq: 3, hash: links[2]?.hash }, broken: { seq: 4, fault: 'content', problem: 'its content does not match its hash (changed after it was written)' } });
  });
});
