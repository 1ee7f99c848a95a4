import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenSourceIds } from './seen-source-ids.js';

describe('SeenSourceIds', () => {
  it('gives the first row of every id noted, and nothing for an id never noted, as a Map of strings would', async () => {
    const seen = await SeenSourceIds.create();
    const first = new Map<string, number>();
    // 15,000 ids: the table grows from 4,096 slots to 32,768, keeping what it held.
    for (let row = 2; row < 20_002; row++) {
      const id = `PHL-ELEC-${row % 15_000}`;
      if (!first.has(id)) first.set(id, row);
      seen.add(id, row);
    }
    expect(seen.size).toBe(15_000);
    for (const [id, row] of first) expect(seen.rowOf(id)).toBe(row);
    expect(seen.rowOf('PHL-ELEC-15000')).toBeUndefined();
    expect(seen.rowOf('phl-elec-1')).toBeUndefined(); // ids are compared as written
  });

  it('agrees with a Map on any list of ids', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ maxLength: 12 }), { maxLength: 300 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }), async (ids, probes) => {
      const seen = await SeenSourceIds.create();
      const first = new Map<string, number>();
      ids.forEach((id, i) => {
        if (!first.has(id)) first.set(id, i + 1);
        seen.add(id, i + 1);
      });
      for (const id of [...ids, ...probes]) expect(seen.rowOf(id)).toBe(first.get(id));
    }));
  });
});
