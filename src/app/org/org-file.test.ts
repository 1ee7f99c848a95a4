import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from './org-file.js';

const example = readFileSync(new URL('../../../examples/org-example.yaml', import.meta.url), 'utf8');
const docs = readFileSync(new URL('../../../docs/org-file.md', import.meta.url), 'utf8');
const minimal = { slug: 'acme', name: 'Acme', consolidation: 'equity_share' };
const parseJson = (doc: object) => () => parseOrgFile(JSON.stringify(doc), 'org.json');

describe('parseOrgFile', () => {
  it('reads the example (YAML) with dates as text and defaults for absent lists', () => {
    const f = parseOrgFile(example, 'org-example.yaml');
    expect(f.entities[1]?.periods[1]).toEqual({ from: '2023-07-01', ownership_pct: 60, financial_control: true, operational_control: true });
    expect(f.sites[1]).toEqual({ name: 'Hai Phong factory', entity: 'Lotus Lamps Vietnam LLC', country: 'VN' });
    expect(parseOrgFile(JSON.stringify(minimal), 'org.json')).toMatchObject({ entities: [], sites: [], business_units: [], metrics: [] });
  });

  it('reads the example of docs/org-file.md', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const f = parseOrgFile(block, 'docs/org-file.md');
    expect(f).toMatchObject({ slug: 'jasons-team', year_start_month: 7, business_units: ['VPN Services', 'Devices'] });
    expect(f.metrics[0]).toEqual({ metric: 'revenue', year: 'FY2021', value: 100_000_000, unit: 'USD' });
  });

  it('names the file and the path of the first bad field', () => {
    const site = { name: 'S', entity: 'E', country: 'US' };
    expect(parseJson({ ...minimal, sites: [site, { ...site, name: 'T', grid_region: 'VN-N' }] }))
      .toThrow('org.json: sites[1].grid_region: "VN-N" is not within the site\'s country US');
    expect(parseJson({ ...minimal, sites: [{ ...site, market: 'us' }] })).toThrow('sites[0].market: must be a region code');
    expect(parseJson({ ...minimal, sites: [{ ...site, country: 'USA' }] })).toThrow('sites[0].country: must be an ISO 3166 alpha-2');
    expect(parseJson({ ...minimal, year_start_month: 13 })).toThrow('year_start_month: must be a month number 1–12');
    expect(parseJson({ ...minimal, consolidation: 'control' })).toThrow('consolidation: must be one of equity_share, financial_control, operational_control');
    expect(parseJson({ ...minimal, slug: 'Acme Corp' })).toThrow('slug: must be lower-case letters');
    expect(parseJson({ slug: 'acme', consolidation: 'equity_share' })).toThrow('org.json: name: is required');
    const entity = (p: object) => ({ ...minimal, entities: [{ name: 'E', periods: [{ from: '2020-01-01', ownership_pct: 50, financial_control: true, operational_control: true, ...p }] }] });
    expect(parseJson(entity({ ownership_pct: 120 }))).toThrow('entities[0].periods[0].ownership_pct: must be a percentage 0–100');
    expect(parseJson(entity({ from: '2020-02-30' }))).toThrow('entities[0].periods[0].from: must be a date YYYY-MM-DD');
    expect(parseJson(entity({ operational_control: undefined }))).toThrow('entities[0].periods[0].operational_control: is required');
  });

  it('refuses misspelt keys, duplicates and ambiguous metric periods', () => {
    expect(parseJson({ ...minimal, sites: [{ name: 'S', entity: 'E', country: 'US', 'grid-region': 'US-RFCE' }] })).toThrow(/sites\[0\]: unknown field "grid-region"/);
    expect(parseJson({ ...minimal, business_units: ['A', 'B', 'A'] })).toThrow('business_units[2]: "A" appears twice');
    expect(parseJson({ ...minimal, entities: [{ name: 'E' }, { name: 'E' }] })).toThrow('entities[1].name: "E" appears twice');
    const metric = { metric: 'revenue', value: 1, unit: 'USD' };
    expect(parseJson({ ...minimal, metrics: [metric] })).toThrow('metrics[0].year: is required (or give period_start and period_end)');
    expect(parseJson({ ...minimal, metrics: [{ ...metric, year: 2024, period_start: '2024-01-01' }] })).toThrow('metrics[0].year: give either year or period_start and period_end, not both');
    expect(parseJson({ ...minimal, metrics: [{ ...metric, year: 'next year' }] })).toThrow('metrics[0].year: "next year" is not a reporting year');
    expect(parseJson({ ...minimal, metrics: [{ ...metric, period_start: '2024-01-01', period_end: '2024-01-01' }] })).toThrow('metrics[0].period_end: must be after period_start');
    expect(parseJson({ ...minimal, metrics: [{ ...metric, year: 'FY2024', value: -1 }] })).toThrow('metrics[0].value: must not be negative');
  });

  it('refuses what is not YAML, or not a mapping', () => {
    expect(() => parseOrgFile('slug: [a', 'bad.yaml')).toThrow(/^bad\.yaml: not valid YAML or JSON/);
    expect(() => parseOrgFile('', 'empty.yaml')).toThrow('empty.yaml: must be a mapping');
    expect(() => parseOrgFile('- a\n- b\n', 'list.yaml')).toThrow('list.yaml: must be a mapping');
  });
});
