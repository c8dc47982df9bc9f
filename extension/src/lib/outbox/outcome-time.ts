/** Why a resolution cannot be dated `atMs`, or null when it can. */
export type ResolutionTimeProblem = 'missing' | 'future' | 'before-first';

/**
 * The rule `threads.resolve` applies (docs/api.md "threads"), checked before anything is queued so the form can
 * say it in plain words: backdating is allowed, but not before the conversation's first message nor in the future.
 * `firstAtMs` null: no message of it is here to compare with, the server still checks.
 */
export function resolutionTimeProblem(
  atMs: number,
  firstAtMs: number | null,
  nowMs: number,
): ResolutionTimeProblem | null {
  if (!Number.isFinite(atMs)) return 'missing';
  if (atMs > nowMs) return 'future';
  if (firstAtMs !== null && atMs < firstAtMs) return 'before-first';
  return null;
}
