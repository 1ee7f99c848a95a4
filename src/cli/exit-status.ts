/**
 * @module cli/exit-status
 * A check that ran and found something wrong (`audit verify` on a broken chain): its report is
 * printed, and the command exits 3, apart from bad input (2) and bugs (1).
 */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}
