/**
 * @module app/import/seen-source-ids
 * The source ids a file has given so far, and the row that gave each, so that an import can refuse
 * a row repeating one (import-file.ts). A file may hold ten million rows: a `Map` of their strings
 * would take about 650 MB (and a `Map` stops at 2²⁴ entries), so each id is kept as its 64-bit
 * xxHash beside its row number, in typed arrays (12 bytes a slot, at most half of them full: 25 MB
 * for a million ids). Two different ids share a hash with a probability of about n²/2⁶⁵ for n ids:
 * 3 in 100 million for a million-row file.
 */
import xxhash from 'xxhash-wasm';

const FIRST_CAPACITY = 1 << 12;

/** Open addressing with linear probing; hash 0 stands for an empty slot (an id hashing to 0 is kept as 1). */
export class SeenSourceIds {
  private keys = new BigUint64Array(FIRST_CAPACITY);
  private rows = new Uint32Array(FIRST_CAPACITY);
  private shift = 64n - BigInt(Math.log2(FIRST_CAPACITY));
  private count = 0;

  private constructor(private readonly hash: (id: string) => bigint) {}

  static async create(): Promise<SeenSourceIds> {
    const { h64 } = await xxhash();
    return new SeenSourceIds((id) => h64(id) || 1n);
  }

  get size(): number {
    return this.count;
  }

  /** The row that gave `id` first, if one did. */
  rowOf(id: string): number | undefined {
    const h = this.hash(id);
    for (let i = this.slot(h); ; i = (i + 1) % this.keys.length) {
      const key = this.keys[i];
      if (key === 0n) return undefined;
      if (key === h) return this.rows[i];
    }
  }

  /** Notes that `row` gave `id` (a row the import took; an id already noted keeps its first row). */
  add(id: string, row: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    if (this.put(this.hash(id), row)) this.count++;
  }

  private slot(h: bigint): number {
    return Number(h >> this.shift);
  }

  private put(h: bigint, row: number): boolean {
    for (let i = this.slot(h); ; i = (i + 1) % this.keys.length) {
      const key = this.keys[i];
      if (key === h) return false;
      if (key === 0n) {
        this.keys[i] = h;
        this.rows[i] = row;
        return true;
      }
    }
  }

  private grow(): void {
    const [keys, rows] = [this.keys, this.rows];
    this.keys = new BigUint64Array(keys.length * 2);
    this.rows = new Uint32Array(keys.length * 2);
    this.shift -= 1n;
    keys.forEach((key, i) => {
      if (key !== 0n) this.put(key, rows[i] as number);
    });
  }
}
