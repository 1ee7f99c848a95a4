import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnit } from '../core/units/units.js';
import { isRegionCode } from '../core/regions/regions.js';
import { ALL_DATASETS } from './datasets.js';
import { LOADERS, defaultDataDir, loadLibrary } from './load-library.js';

const ACTIVITY = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;

describe('loadLibrary', () => {
  const lib = loadLibrary();

  it('finds data/ at the package root and loads every dataset', () => {
    expect(existsSync(defaultDataDir())).toBe(true);
    expect(lib.index.size).toBe(lib.factors.length);
    const used = new Set(lib.factors.map((f) => f.dataset?.id));
    expect([...used].sort()).toEqual(ALL_DATASETS.map((d) => d.id).sort());
  });

  it('is memoised per data directory', () => {
    expect(loadLibrary()).toBe(lib);
    expect(loadLibrary(`${defaultDataDir()}/.`)).toBe(lib);
  });

  it('every factor cites a dataset with licence and url', () => {
    for (const f of lib.factors) {
      expect(f.dataset).not.toBeNull();
      expect(ALL_DATASETS).toContain(f.dataset);
      expect(f.dataset?.licence).not.toBe('');
      expect(f.dataset?.url).toMatch(/^https?:\/\//);
    }
  });

  it('ids, activity keys, regions and units are well formed', () => {
    for (const f of lib.factors) {
      expect(f.id).toMatch(/^[\x21-\x7e]+$/);
      expect(f.id.startsWith(`${f.dataset?.id}/`)).toBe(true);
      expect([f.id, ACTIVITY.test(f.activity)]).toEqual([f.id, true]);
      expect([f.id, isRegionCode(f.region)]).toEqual([f.id, true]);
      expect(parseUnit(f.unit)).toBe(f.unit);
      expect(f.gases !== undefined || f.co2e !== undefined || f.biogenicCo2 !== undefined).toBe(true);
    }
  });

  it('no two factors share activity, region, year and unit (selection would be ambiguous)', () => {
    const seen = new Map<string, string>();
    for (const f of lib.factors) {
      const key = [f.activity, f.region, f.year, f.unit].join('|');
      expect([key, seen.get(key)]).toEqual([key, undefined]);
      seen.set(key, f.id);
    }
  });

  it('every value is a finite number', () => {
    for (const f of lib.factors) {
      const values = [...Object.values(f.gases ?? {}), f.co2e ?? 0, f.biogenicCo2 ?? 0];
      expect(values.every(Number.isFinite)).toBe(true);
    }
  });

  it('factor counts per loader add up', () => {
    const total = LOADERS.reduce((n, load) => n + load(defaultDataDir()).factors.length, 0);
    expect(lib.factors).toHaveLength(total);
  });

  it('GWP sets are loaded', () => {
    expect(Object.keys(lib.gwpSets)).toEqual(['AR4', 'AR5', 'AR6']);
    expect(lib.gwpSets.AR5.values.get('CH4')).toBe(28);
  });
});
