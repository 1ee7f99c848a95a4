import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryDataError, numberOrNull, parseCsvText, readCsv } from './csv.js';
import { defaultDataDir } from './load-library.js';

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return csvFiles(path);
    return name.endsWith('.csv') ? [path] : [];
  });
}

describe('readCsv', () => {
  const dataDir = defaultDataDir();
  it('reads every shipped file with a header and equal-length records', () => {
    for (const path of csvFiles(dataDir)) expect(readCsv(dataDir, relative(dataDir, path), []).length).toBeGreaterThan(0);
  });

  it('fails on a missing column', () => {
    expect(() => readCsv(dataDir, 'residual_mix.csv', ['no_such_column'])).toThrow(/missing column/);
  });

  it('reports malformed CSV as a data error', () => {
    expect(() => parseCsvText('a,"b\n')).toThrow(LibraryDataError);
  });
});

describe('numberOrNull', () => {
  it('reads blanks and NA as null, never as 0, and rejects text', () => {
    expect(numberOrNull({ v: '' }, 'v')).toBeNull();
    expect(numberOrNull({ v: 'NA' }, 'v')).toBeNull();
    expect(numberOrNull({ v: 'N/A' }, 'v')).toBeNull();
    expect(numberOrNull({ v: '0.9130' }, 'v')).toBe(0.913);
    expect(() => numberOrNull({ v: '1,000' }, 'v')).toThrow(LibraryDataError);
  });
});
