/**
 * @module ledger/version-cause
 * Why a calculation version was made, as data, for the versions the product makes itself: an
 * import, a recalculation someone asked for, the `recalculate` command, the demo's load. The
 * version's `reason` is the same in English (`causeText`), as the CLI and `explain` print it; the
 * web app words the cause in the reader's language. A version made with a free reason (a script,
 * or before migration 0017) has no cause.
 */
import { z } from 'zod';

export const versionCauseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), file: z.string(), batch: z.number() }).describe('the import of `file` as batch `batch`'),
  z.object({ kind: z.literal('request'), note: z.string(), by: z.string() })
    .describe('a recalculation asked for by `by` (an e-mail address, or "api"), with their `note` in their own words'),
  z.object({ kind: z.literal('command') }).describe('the `carbon-ledger recalculate` command'),
  z.object({ kind: z.literal('demo') }).describe('the demo\'s load'),
]);

export type VersionCause = z.infer<typeof versionCauseSchema>;

/** The cause in English: the version's `reason`. */
export function causeText(c: VersionCause): string {
  switch (c.kind) {
    case 'import': return `import of ${c.file} (batch ${c.batch})`;
    case 'request': return `${c.note} (by ${c.by})`;
    case 'command': return 'recalculate command';
    case 'demo': return 'demo load';
  }
}

/** A version's reason and cause from why it is made: a cause, or a free reason (a script's, a test's) without one. */
export const reasonAndCause = (why: string | VersionCause): { reason: string; cause: VersionCause | null } =>
  (typeof why === 'string' ? { reason: why, cause: null } : { reason: causeText(why), cause: why });
