/**
 * @module report/report-notices
 * What a reader of an inventory must be told beside its figures (terms other than the version's,
 * entities left out, a year without results), as data. The CLI and the API's `warnings` print
 * `warningText` (English, naming the CLI's flags); exports and the web app word the same notice in
 * the reader's language (report-labels.ts `notice`). The schema is the API's (inventory `notices`).
 */
import { z } from 'zod';
import { CONSOLIDATION_APPROACHES } from '../ledger/model.js';

const approach = z.enum(CONSOLIDATION_APPROACHES);

export const reportNoticeSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('terms_unknown'), version: z.number(), made: approach, today: approach })
    .describe('the version predates kept ownership and control terms: today\'s are applied (made: its approach; today: the organisation\'s now)'),
  z.object({ code: z.literal('terms_as_published'), version: z.number(), approach })
    .describe('a report naming its version: the figures as published from it, whose terms differ from today\'s'),
  z.object({ code: z.literal('terms_today'), version: z.number() })
    .describe('the latest version\'s figures under today\'s terms, which differ from those it was made with'),
  z.object({ code: z.literal('entity_without_period'), entity: z.string(), year: z.string() }),
  z.object({ code: z.literal('version_without_results'), version: z.number(), year: z.string() }),
]);
export type ReportNotice = z.infer<typeof reportNoticeSchema>;

const words = (c: string): string => c.replace('_', ' ');

/** The English line of a notice, as the CLI prints it. */
export function warningText(n: ReportNotice): string {
  switch (n.code) {
    case 'terms_unknown': {
      const approach = n.made === n.today ? '' : `; it was made under ${words(n.made)}, these figures apply today's ${words(n.today)}`;
      return `calculation version ${n.version} was made before versions kept their ownership and control terms: today's are applied${approach}`;
    }
    case 'terms_as_published':
      return `these are the figures as published from calculation version ${n.version}, with its ownership, control and consolidation approach (${words(n.approach)}); today's differ (report without --calc-version for them)`;
    case 'terms_today':
      return `ownership, control or the consolidation approach changed since calculation version ${n.version} was made: these figures apply today's; \`--calc-version ${n.version}\` gives them as published from it`;
    case 'entity_without_period':
      return `entity "${n.entity}" has no ownership/control period in force for part of ${n.year}: those rows are left out`;
    case 'version_without_results':
      return `calculation version ${n.version} has no results in ${n.year}: every figure of that year is 0`;
  }
}
