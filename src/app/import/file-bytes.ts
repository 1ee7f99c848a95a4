/**
 * @module import/file-bytes
 * The bytes of an import source: hashed once up front (the batch's identity), then streamed to
 * the reader through a meter that reports progress and hashes again.
 */
import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { AppError } from '../app-error.js';

/** A file to import, given by the edge (the application reads no files itself). */
export interface ImportSource {
  /** Shown in messages and stored as the batch's file name. */
  readonly name: string;
  readonly size: number;
  /** A fresh byte stream of the file on each call: it is read twice (hash, then rows). */
  open(): Readable;
}

export async function hashOf(input: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of input) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The file's bytes, reporting progress as they are read and hashed again: if the file changed
 * since it was hashed, the stream fails at its end and the batch is rolled back (the stored hash
 * must be the hash of what was imported). XLSX stops after the first sheet and skips the check.
 */
export function metered(source: ImportSource, contentHash: string, onProgress?: (bytes: number, total: number) => void): Readable {
  let bytes = 0;
  const hash = createHash('sha256');
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      hash.update(chunk);
      onProgress?.(bytes, source.size);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === contentHash ? null : new AppError('invalid_input', `${source.name} changed while it was being imported; nothing was imported`));
    },
  });
  pipeline(source.open(), meter, () => undefined);
  return meter;
}
