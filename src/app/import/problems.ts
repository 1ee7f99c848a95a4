/**
 * @module import/problems
 * What can be wrong with an imported row or file, as a code with its values, and the English text
 * the CLI and the API print for it. The code and values travel with the text (FieldError), so the
 * web app words the same problem in the user's language (web/src/i18n, keys `problem.<code>`),
 * pointing at its own pages where the text below names a CLI command.
 */

/** English text per code; `{{name}}` stands for a value of the problem. */
export const PROBLEM_TEXT = {
  missing: 'missing',
  missingColumn: 'missing (mapping "{{mapping}}" reads it from column "{{column}}", which this file does not have)',
  notNumber: '{{value}} is not a number (write plain digits like 1234.5, no thousands separators or units)',
  notWholeNumber: '{{value}} is not a whole number from {{min}} to {{max}}',
  notDate: '{{value}} is not a date: expected YYYY-MM-DD',
  notBoolean: '{{value}} is not true/false',
  notPeriod: '{{value}} is not a period: expected YYYY-MM (a month) or YYYY-MM-DD (a day)',
  periodTwice: 'give period or period_start/period_end, not both',
  periodEndNotAfter: '{{end}} is not after period_start {{start}} (period_end is exclusive)',
  notOneOf: '{{value}} is not one of {{allowed}}',
  unknownSite: 'unknown site "{{name}}" in {{org}} (known: {{known}})',
  unknownSiteNoneYet: 'unknown site "{{name}}" in {{org}} (known: none yet)',
  unknownBusinessUnit: 'unknown business unit "{{name}}" in {{org}} (known: {{known}})',
  unknownBusinessUnitNoneYet: 'unknown business unit "{{name}}" in {{org}} (known: none yet)',
  notYourBusinessUnit: 'you may write data only for your business units ({{units}}), not "{{name}}"',
  nameYourBusinessUnit: 'you may write data only for your business units ({{units}}): name one',
  categoryMissing: 'missing: a Scope 3 line needs its category (1–15)',
  categoryNotScope3: 'a category applies to Scope 3 lines only',
  methodNotScope3: 'a method applies to Scope 3 lines only',
  carrierNotScope2: 'a carrier applies to Scope 2 lines only',
  priceYearNotMoney: 'a price year applies to money, not {{unit}}',
  priceYearMismatch: 'spend is in {{year}} {{unit}} but factor "{{factor}}" is per {{factorYear}} {{unit}}; restate the spend in {{factorYear}} prices',
  factorAndActivity: 'give factor or activity, not both (factor "{{factor}}", activity "{{activity}}")',
  activityMissing: 'missing: give an activity key (e.g. electricity.grid) or a factor id',
  supplierNeedsFactor: 'a supplier-specific line needs an explicit factor id: the library has no per-supplier factors to select by activity',
  unknownUnit: 'unknown unit "{{value}}" (units are case-sensitive: kWh MWh GJ mmBtu therm L m3 gal scf kg t lb km mi pkm pmi vkm vmi tkm ton_mi room_night, or a currency code)',
  unknownFactor: 'missing factor: no factor "{{factor}}" in the library (find ids with: carbon-ledger factors search)',
  unknownActivity: 'missing factor: no factor for activity "{{activity}}" (year {{year}})',
  noFactorInRegion: 'missing factor: no factor for activity "{{activity}}" in a unit that {{unit}} converts to in {{regions}} (year {{year}})',
  unitNotFactorUnit: '{{unit}} does not convert to {{factorUnit}}, the unit of factor "{{factor}}"',
  instrumentImported: 'instrument "{{id}}" is already imported',
  instrumentRepeated: 'instrument "{{id}}" repeats row {{row}}',
  notPositive: 'must be more than 0',
  negative: 'must not be negative',
  metricRepeated: '{{metric}} from {{start}} is already given in row {{row}}',
  columnTwice: 'column "{{column}}" appears twice',
  columnsSameField: 'columns "{{first}}" and "{{second}}" both map to {{field}}',
  unknownColumns: 'mapping "{{mapping}}" does not know column(s) {{columns}} (canonical: {{fields}})',
  noKnownColumns: 'mapping "{{mapping}}" recognises none of the columns ({{columns}})',
  templateColumnBlank: 'mapping "{{mapping}}" builds it from column "{{column}}", which is blank',
  unknownLookupValue: 'mapping "{{mapping}}" does not know {{value}} in column "{{column}}" (known: {{known}})',
  sourceIdImported: 'source_id "{{id}}" is in the ledger already (import {{batch}}, row {{row}}): importing it again would count it twice (--allow-repeats if it is another activity)',
  sourceIdRepeated: 'source_id "{{id}}" repeats row {{row}}: importing both would count it twice (--allow-repeats if it is another activity)',
  emptyFile: 'the file is empty (0 bytes): no header and no data rows',
  noDataRows: 'no data rows',
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_TEXT;
export const PROBLEM_CODES = Object.keys(PROBLEM_TEXT) as [ProblemCode, ...ProblemCode[]];
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The names a text's placeholders use, sorted (to check a translation keeps them). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** The English text of a problem; every placeholder must have its value. */
export function problemText({ code, params }: Problem): string {
  return PROBLEM_TEXT[code].replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`problem ${code} has no value for {{${name}}}`);
    return String(value);
  });
}

export const problem = (code: ProblemCode, params: ProblemParams = {}): Problem => ({ code, params });
