/**
 * @module cli/io
 * Reading inputs for commands: a path or `-` for stdin, whole or line by line.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AppError } from '../app/app-error.js';

export async function readText(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new AppError('not_found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('invalid_input', `${path === '-' ? 'stdin' : path}: not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Lines of a file (or stdin) in batches, one batch per 1 MiB chunk read; LF or CRLF. Batches keep
 * the per-line cost to a plain loop: an async step per line costs more than the calculation.
 */
export async function* readLineBatches(path: string): AsyncGenerator<string[]> {
  const input = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield lines.map(stripCr);
  }
  if (rest !== '') yield [stripCr(rest)];
}

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

export function isNdjson(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}
