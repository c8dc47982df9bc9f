import type { WorkCalendar } from '../schemas/plan';
import type { Wait } from './pairing';
import { workingMsBetween } from './working-time';

/** A wait's status against its SLA: `closed` ("no reply needed") counts as neither on time nor late. */
export type WaitStatus = 'on_time' | 'late' | 'pending' | 'closed';

/**
 * Classifies a wait as of `asOfMs` (docs/metrics.md "On time"). Evaluated as of that instant: a reply or closure
 * after `asOfMs` has not happened yet.
 *
 * - closed ("no reply needed") at or before `asOfMs` → `closed`, whatever the deadline;
 * - replied at or before the deadline → `on_time`, after it → `late`;
 * - unanswered and `asOfMs` past the deadline → `late` (a backlog is not hidden), otherwise `pending`;
 * - no SLA rule (no deadline): `on_time` once answered, `pending` until then — there is nothing to be late
 *   against, and an unanswered wait is still worth listing as open.
 */
/** What classifying a wait reads of it. */
export type WaitTimes = Pick<Wait, 'replyAtMs' | 'closedAtMs' | 'deadlineMs'>;

export function classifyWait(wait: WaitTimes, asOfMs: number): WaitStatus {
  if (wait.closedAtMs !== null && wait.closedAtMs <= asOfMs) return 'closed';
  if (wait.replyAtMs !== null && wait.replyAtMs <= asOfMs) {
    if (wait.deadlineMs === null) return 'on_time';
    return wait.replyAtMs <= wait.deadlineMs ? 'on_time' : 'late';
  }
  if (wait.deadlineMs !== null && asOfMs > wait.deadlineMs) return 'late';
  return 'pending';
}

/**
 * Whether a pending wait will be late within `dueSoonWorkingHours` working hours of `asOfMs`: the working
 * time left before its deadline is at most that. A deadline with no working time left before it (e.g. a 24 h
 * social SLA ending on a Sunday) is due soon. False for waits that are not pending, have no deadline, or
 * when `dueSoonWorkingHours` is 0 (warning switched off).
 */
export function dueSoon(wait: Wait, asOfMs: number, cal: WorkCalendar, dueSoonWorkingHours: number): boolean {
  if (dueSoonWorkingHours <= 0 || wait.deadlineMs === null) return false;
  if (classifyWait(wait, asOfMs) !== 'pending') return false;
  return workingMsBetween(asOfMs, wait.deadlineMs, cal) <= dueSoonWorkingHours * 3_600_000;
}
