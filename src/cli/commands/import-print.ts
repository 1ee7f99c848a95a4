/**
 * @module cli/commands/import-print
 * What `carbon-ledger import` prints: text or JSON for a result, the refusal message (first 20
 * errors and the count), and a byte progress bar on stderr when it is a terminal. In JSON an
 * error's `row` is a spreadsheet row, an NDJSON line or a JSON array item, as `label` says.
 */
import cliProgress from 'cli-progress';
import { formatRowError, type ImportResult } from '../../app/import/import-file.js';

const SHOWN = 20;

export function importJson(r: ImportResult, recalculated: { versionId: number; records: number } | null): unknown {
  return {
    status: r.status, batch_id: r.batchId, file: r.file, content_hash: r.contentHash, kind: r.kind,
    rows_total: r.rowsTotal, rows_imported: r.rowsImported, rows_quarantined: r.rowsQuarantined,
    error_count: r.errorCount, errors: r.errors.map((e) => ({ file: e.file, row: e.row, label: e.label, field: e.field, ...(e.column === undefined ? {} : { column: e.column }), message: e.message })),
    recalculation: recalculated === null ? null : { version_id: recalculated.versionId, records: recalculated.records },
  };
}

const listed = (r: ImportResult): string[] => [
  ...r.errors.slice(0, SHOWN).map((e) => `  ${formatRowError(e)}`),
  ...(r.errorCount > SHOWN ? [`  … and ${r.errorCount - SHOWN} more`] : []),
];

/**
 * `org`: the organisation flag's value and any `--data-dir`, for the commands suggested; `again`:
 * the flags that read the file (`--mapping utility-bill`), for the fixed file of its quarantined rows.
 */
export function importText(r: ImportResult, recalculated: { versionId: number; records: number } | null, org: string, again: string): string {
  if (r.status === 'duplicate') {
    return `${r.file}: already imported as batch ${r.batchId} (same content, sha256 ${r.contentHash.slice(0, 12)}…); nothing to do\n`;
  }
  if (r.status === 'valid') {
    const quarantined = r.rowsQuarantined === 0 ? [] : [`${r.rowsQuarantined} row(s) would be quarantined with their errors:`, ...listed(r)];
    return [`dry run of ${r.file}: ${r.rowsImported} of ${r.rowsTotal} ${r.kind} rows would be imported; nothing written`, ...quarantined].map((l) => `${l}\n`).join('');
  }
  const lines = [`imported ${r.file} as batch ${r.batchId}: ${r.rowsImported} of ${r.rowsTotal} ${r.kind} rows`];
  if (r.rowsQuarantined > 0) {
    lines.push(`${r.rowsQuarantined} row(s) quarantined with their errors:`, ...listed(r),
      `  to fix them: carbon-ledger quarantine --org ${org} --batch ${r.batchId} --csv > fix.csv, correct it, then: carbon-ledger import fix.csv --org ${org}${again} --quarantine`);
  }
  if (recalculated !== null) lines.push(`recalculated: version ${recalculated.versionId} (${recalculated.records} records)`);
  return lines.map((l) => `${l}\n`).join('');
}

/** The message of the refusal (exit 2); with --json the errors are already on stdout. */
export function refusal(r: ImportResult, json: boolean): string {
  const head = `${r.file}: ${r.errorCount} error(s), nothing imported` +
    (r.errors.some((e) => e.field === '(header)' || e.field === '(file)') ? '' : ' (--quarantine imports the good rows and keeps the bad ones apart)');
  return json ? head : [`${head}:`, ...listed(r)].join('\n');
}

export interface ByteProgress {
  readonly update: (bytes: number, total: number) => void;
  readonly stop: () => void;
}

/** Bytes read of the file's size, only when stderr is a terminal (pipes and CI stay clean). */
export function byteProgress(label: string): ByteProgress {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} | {bar} | {percentage}% | {mb} MB`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (bytes, total) => {
      const mb = (bytes / 2 ** 20).toFixed(1);
      if (!started) bar.start(total, bytes, { mb });
      else bar.update(bytes, { mb });
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
