import type { ThreadItem } from '@comms-log/shared';
import { fromLocalInput } from '../zoned-time';

/** Resolving a conversation, or reopening a resolved one. */
export type ThreadAction = 'resolve' | 'reopen';

/** A mistake in a resolve or reopen, as the form names it. */
export type ThreadActionProblem =
  | { kind: 'invalid' }
  | { kind: 'future' }
  | { kind: 'beforeOpened'; openedAt: string }
  | { kind: 'beforeResolved'; resolvedAt: string }
  | { kind: 'noteLong' };

/**
 * Checks a resolve or reopen as `threads.resolve` and `threads.reopen` will (docs/api.md "threads"): a time typed in
 * the plan's zone, not to come, not before the conversation's first message (a reopening not before its resolution).
 * The instant to send, or the problems.
 */
export function checkThreadAction(
  item: Pick<ThreadItem, 'openedAt' | 'resolvedAt'>,
  action: ThreadAction,
  typed: { at: string; note: string },
  zone: string,
  nowMs: number,
): { problems: ThreadActionProblem[]; at: string | null } {
  const problems: ThreadActionProblem[] = [];
  const at = fromLocalInput(typed.at, zone);
  if (at === null) problems.push({ kind: 'invalid' });
  else if (Date.parse(at) > nowMs) problems.push({ kind: 'future' });
  else if (Date.parse(at) < Date.parse(item.openedAt)) problems.push({ kind: 'beforeOpened', openedAt: item.openedAt });
  else if (action === 'reopen' && item.resolvedAt && Date.parse(at) < Date.parse(item.resolvedAt))
    problems.push({ kind: 'beforeResolved', resolvedAt: item.resolvedAt });
  if (typed.note.trim().length > 2000) problems.push({ kind: 'noteLong' });
  return { problems, at: problems.length ? null : at };
}
