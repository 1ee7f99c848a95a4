/**
 * @module app/import/seen-source-ids
 * The source ids a file has given so far, and the row that gave each, so that an import can refuse
 * a row repeating one (import-file.ts). A file may hold ten million rows: a `Map` of their strings
 * would take about 650 MB (and a `Map` stops at 2²⁴ entries), so each id is kept as its 64-bit
 * xxHash beside its row number, in typed arrays: 12 bytes a slot, at most 70 % of them full (25 MB
 * for a million ids; 200 MB for ten million, 300 MB while the table doubles). Two different ids
 * share a hash with a probability of about n²/2⁶⁵ for n ids: 3 in 100 million for a million-row file.
 */
import xxhash from 'xxhash-wasm';

const FIRST_CAPACITY = 1 << 12;
/** Linear probing stays short (about 2 probes to find an id, 6 to find it absent) up to here. */
const MAX_LOAD = 0.7;
/** The WebAssembly module, compiled once for the process. */
let hasher: Promise<(id: string) => bigint> | undefined;

/** Open addressing with linear probing; hash 0 stands for an empty slot (an id hashing to 0 is kept as 1). */
export class SeenSourceIds {
  private keys = new BigUint64Array(FIRST_CAPACITY);
  private rows = new Uint32Array(FIRST_CAPACITY);
  private shift = 64n - BigInt(Math.log2(FIRST_CAPACITY));
  private count = 0;
  /** The id `rowOf` hashed last and its hash: `add` of the same id (a row taken) hashes it once. */
  private lastId: string | null = null;
  private lastHash = 0n;

  private constructor(private readonly hash: (id: string) => bigint) {}

  static async create(): Promise<SeenSourceIds> {
    hasher ??= xxhash().then(({ h64 }) => (id: string) => h64(id) || 1n);
    return new SeenSourceIds(await hasher);
  }

  get size(): number {
    return this.count;
  }

  /** The row that gave `id` first, if one did. */
  rowOf(id: string): number | undefined {
    const h = this.hashOf(id);
    for (let i = this.slot(h); ; i = (i + 1) % this.keys.length) {
      const key = this.keys[i];
      if (key === 0n) return undefined;
      if (key === h) return this.rows[i];
    }
  }

  /** Notes that `row` gave `id` (a row the import took; an id already noted keeps its first row). */
  add(id: string, row: number): void {
    if (this.count + 1 > MAX_LOAD * this.keys.length) this.grow();
    if (this.put(this.hashOf(id), row)) this.count++;
  }

  private hashOf(id: string): bigint {
    if (this.lastId !== id) {
      this.lastId = id;
      this.lastHash = this.hash(id);
    }
    return this.lastHash;
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
