import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.js';

const example = readFileSync(new URL('../../../examples/calc-example.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-cli-'));

describe('carbon-ledger calc', () => {
  it('prints the documented JSON shape, from a file or stdin', () => {
    const fromFile = runCli(['calc', '--input', 'examples/calc-example.json', '--json']);
    expect(fromFile.status).toBe(0);
    const out = JSON.parse(fromFile.stdout);
    expect(Object.keys(out)).toEqual(['gwp', 'results', 'instruments', 'totals', 'factors']);
    expect(out.factors['epa-useeio-1.2/naics/334111'].dataset.licence).toMatch(/public domain/);
    expect(out.results[0]).toMatchObject({ id: 'a1', scope: 1, category: null, co2e_kg: 2152, market_co2e_kg: null });
    expect(Object.keys(out.totals)).toEqual(expect.arrayContaining([
      'scope1_kg', 'scope2_location_kg', 'scope2_market_kg', 'scope3_kg', 'scope3_by_category_kg',
      'total_location_kg', 'total_market_kg', 'biogenic_co2_kg']));
    const fromStdin = runCli(['calc', '--input', '-', '--json'], example);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('exits non-zero on bad input, names the activity and field, and prints no partial result', () => {
    const bad = JSON.parse(example);
    bad.activities.push({ id: 'bad-1', scope: 1, quantity: 3, unit: 'kWh', factor: 'dsl' });
    const r = runCli(['calc', '--input', '-', '--json'], JSON.stringify(bad));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('activity "bad-1", field "unit": kWh (energy) does not convert to L (volume)');
  });

  it('streams NDJSON with the same totals as the document form', () => {
    const doc = JSON.parse(example);
    const side = join(dir, 'side.json');
    writeFileSync(side, JSON.stringify({ ...doc, activities: undefined }));
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, doc.activities.map((a: object) => JSON.stringify(a)).join('\n') + '\n');
    const r = runCli(['calc', '--input', input, '--factors', side, '--explain']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(doc.activities.length + 1);
    const summary = lines.at(-1);
    const whole = JSON.parse(runCli(['calc', '--input', 'examples/calc-example.json', '--json']).stdout);
    expect(summary.totals).toEqual(whole.totals);
    expect(summary.instruments).toEqual(whole.instruments);
    expect(summary.factors).toEqual(whole.factors);
    // The same explanations, whether asked for in a stream or a document.
    expect(lines.slice(0, -1)).toEqual(whole.results);
    const lean = runCli(['calc', '--input', input, '--factors', side]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lean.slice(0, -1)).toEqual(whole.results.map(({ explanation: _, ...rest }: { explanation: string }) => rest));
  });

  it('leaves no output file behind when an NDJSON line is bad', () => {
    const input = join(dir, 'bad.ndjson');
    writeFileSync(input, '{"id":"g","scope":1,"quantity":1,"unit":"gal","factor":"epa-hub-2024/t2/diesel-fuel/gal"}\n{"id":"h","scope":1,"quantity":"x"}\n');
    const target = join(dir, 'out.ndjson');
    const r = runCli(['calc', '--input', input, '-o', target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 2 (activity "h"), field "quantity"');
    expect(existsSync(target)).toBe(false);
    expect(runCli(['calc', '--input', input]).stdout).toBe('');
  });
});

describe('carbon-ledger factors', () => {
  it('finds library factors whose ids work in calc', () => {
    const r = runCli(['factors', 'search', 'natural', 'gas', '--region', 'US', '--year', '2024', '--json']);
    expect(r.status).toBe(0);
    const found = JSON.parse(r.stdout) as { id: string; dataset: { licence: string } }[];
    const ids = found.map((f) => f.id);
    expect(ids).toContain('epa-hub-2024/t1/natural-gas/mmBtu');
    expect(found.every((f) => f.dataset.licence.length > 0)).toBe(true);
    const calc = runCli(['calc', '--input', '-', '--json'],
      JSON.stringify({ activities: [{ id: 'n', scope: 1, quantity: 10, unit: 'mmBtu', factor: 'epa-hub-2024/t1/natural-gas/mmBtu' }] }));
    expect(JSON.parse(calc.stdout).results[0].gases_kg.CO2).toBe(530.6); // EPA Hub 2024: 53.06 kg CO2/mmBtu
    // For 2020 the library has no earlier EPA Hub edition: selection takes 2024's, and so does the search.
    const for2020 = JSON.parse(runCli(['factors', 'search', 'natural', 'gas', '--region', 'US', '--year', '2020', '--json']).stdout) as { id: string }[];
    expect(for2020.map((f) => f.id)).toContain('epa-hub-2024/t1/natural-gas/mmBtu');
  });

  it('notes a region the library has no factor for itself, listing what it falls back to', () => {
    const r = runCli(['factors', 'search', 'electricity', '--region', 'ZZ', '--limit', '1']);
    expect([r.status, r.stdout.split('\n')[0], r.stderr]).toEqual([0, 'owid-ember-2025/grid-intensity/WORLD/2024',
      'note: the library has no factor for region ZZ itself (check the code); listed are those of the regions it falls back to: WORLD\n']);
    expect(runCli(['factors', 'search', 'electricity', '--region', 'US-RFCE', '--limit', '1']).stderr).toBe('');
  });

  it('refuses a bad flag by name, as a usage error', () => {
    const r = runCli(['factors', 'search', 'gas', '--year', 'last']);
    expect([r.status, r.stderr.trim()]).toEqual([2, 'carbon-ledger: --year must be a year from 1900 to 2200, like 2024']);
    for (const year of ['-1', '', '1800']) expect(runCli(['factors', 'search', 'gas', '--year', year]).status).toBe(2);
    expect(runCli(['factors', 'search', 'gas', '--limit', '0']).stderr).toContain('--limit must be a whole number of at least 1');
  });

  it('says so when an id is unknown', () => {
    const r = runCli(['factors', 'show', 'no/such/factor']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no factor with id "no/such/factor"');
  });
});
