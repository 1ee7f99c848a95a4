/**
 * @module cli/progress
 * Progress on stderr for long runs, only when stderr is a terminal (so pipes and CI stay clean).
 */
import cliProgress from 'cli-progress';

export interface LineProgress {
  readonly update: (lines: number) => void;
  readonly stop: () => void;
}

const silent: LineProgress = { update: () => undefined, stop: () => undefined };

/** A counter of processed lines (the total is unknown while streaming). */
export function lineProgress(label: string): LineProgress {
  if (process.stderr.isTTY !== true) return silent;
  const bar = new cliProgress.SingleBar(
    { format: `${label} | {value} lines | {rate} lines/s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(0, 0, { rate: 0 });
  return {
    update: (lines) => bar.update(lines, { rate: Math.round(lines / ((performance.now() - started) / 1000)) }),
    stop: () => bar.stop(),
  };
}
