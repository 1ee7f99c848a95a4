/**
 * @module ledger/record-checks
 * What tracing a record found, as data: the result recomputed with today's library (equal to the
 * stored one, or not), a library other than the version's, no result yet, and the notice of the
 * terms its report applies. The CLI prints `checkText` (English); the web app words each in the
 * reader's language. The schema is the API's (a record trace's `checks`).
 */
import { z } from 'zod';
import { reportNoticeSchema, warningText } from '../report/report-notices.js';

export const recordCheckSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('recomputed_equal'), kg: z.number() }).describe('recomputed with today\'s library: the stored result'),
  z.object({ code: z.literal('recomputed_differs'), kg: z.number(), stored_kg: z.number(), version: z.number() })
    .describe('recomputed with today\'s library: another figure (the library changed since the version)'),
  z.object({ code: z.literal('library_changed') }).describe('the factor library differs from the one the version used'),
  z.object({ code: z.literal('cannot_recompute'), detail: z.string() }).describe('the engine refuses the record with today\'s library (detail: its reason, English)'),
  z.object({ code: z.literal('not_calculated') }),
  z.object({ code: z.literal('not_in_version'), version: z.number() }).describe('imported after the version asked for'),
  z.object({ code: z.literal('report_terms'), notice: reportNoticeSchema }).describe('the terms the record\'s report applies'),
]);
export type RecordCheck = z.infer<typeof recordCheckSchema>;

/** The English line of a check, as the CLI prints it. */
export function checkText(c: RecordCheck): string {
  switch (c.code) {
    case 'recomputed_equal':
      return `recomputed ${c.kg} kg CO2e = stored result`;
    case 'recomputed_differs':
      return `recomputed ${c.kg} kg CO2e ≠ stored ${c.stored_kg} kg: the factor library changed since version ${c.version}`;
    case 'library_changed':
      return 'the factor library differs from the one this version used';
    case 'cannot_recompute':
      return `cannot recompute with this factor library: ${c.detail}`;
    case 'not_calculated':
      return 'not calculated yet';
    case 'not_in_version':
      return `not in version ${c.version} (imported after it)`;
    case 'report_terms':
      return warningText(c.notice);
  }
}
