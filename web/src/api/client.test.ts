import { describe, expect, it } from 'vitest';
import { ApiError, errorOf, queryString, urlOf } from './client.js';

describe('client helpers', () => {
  it('builds query strings without empty values', () => {
    expect(queryString({ year: 'FY2022', scope: 3, after: undefined, site: '' })).toBe('?year=FY2022&scope=3');
    expect(queryString(undefined)).toBe('');
  });
  it('fills path parameters from the contract', () => {
    expect(urlOf('exportInventory', { org: 'acme' }, { year: '2024', format: 'csv', lang: 'vi' })).toBe('/api/v1/orgs/acme/inventory/export?year=2024&format=csv&lang=vi');
    expect(urlOf('importEvents', { org: 'a b', job: 'j1' })).toBe('/api/v1/orgs/a%20b/imports/jobs/j1');
  });
  it('reads the error shape and field messages', () => {
    const e = errorOf(400, { error: { code: 'invalid_input', message: 'bad', fields: [{ path: 'email', message: 'must be an e-mail address' }] } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('invalid_input');
    expect(e.field('email')).toBe('must be an e-mail address');
    expect(e.field('name')).toBeUndefined();
    expect(new ApiError(409, 'conflict', 'slug: exists already').field('slug')).toBe('exists already');
    expect(errorOf(502, undefined).message).toBe('HTTP 502');
  });
});
