import { describe, expect, it } from 'vitest';
import { countryCodeProblem } from './country-codes.js';

describe('countryCodeProblem', () => {
  it('takes the countries of the seeds and of the demo, and Kosovo', () => {
    for (const code of ['US', 'CN', 'VN', 'GB', 'IE', 'DE', 'JP', 'TW', 'HK', 'SG', 'IN', 'XK']) expect(countryCodeProblem(code)).toBeNull();
  });

  it('refuses a code that is no country, naming it', () => {
    expect(countryCodeProblem('XX')).toBe('"XX" is not an ISO 3166 alpha-2 country code (like US, CN, VN or GB)');
    for (const code of ['EU', 'UN', 'ZZ', 'QO', 'AA', 'IC']) expect(countryCodeProblem(code)).toContain(`"${code}" is not an ISO 3166 alpha-2 country code`);
  });

  it('refuses a retired or informal code, giving the one to write', () => {
    expect(countryCodeProblem('UK')).toBe('"UK" is not the ISO 3166 code of United Kingdom: write GB');
    expect(countryCodeProblem('BU')).toBe('"BU" is not the ISO 3166 code of Myanmar (Burma): write MM');
    // A country since divided has no one successor to suggest (CLDR maps AN to CW alone).
    for (const code of ['AN', 'CS', 'SU', 'YU']) expect(countryCodeProblem(code)).toBe(`"${code}" is a retired ISO 3166 code of a country since divided: write the code of the country the place is in today`);
  });

  it('refuses what is not two upper-case letters', () => {
    for (const code of ['xx', 'USA', 'Vietnam', 'U1', '']) expect(countryCodeProblem(code)).toBe('must be an ISO 3166 alpha-2 country code in upper case, like US or VN');
    expect(countryCodeProblem('gb')).toBe('must be in upper case: write GB');
  });
});
