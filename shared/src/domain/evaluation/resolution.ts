import type { WorkCalendar } from '../../schemas/plan';
import { percentileNearestRank } from '../percentiles';
import { workingDayMs, workingMsBetween } from '../working-time';
import { inPeriod, type Period } from './period';
import { type Ratio, ratio } from './ratio';

/** A conversation marked resolved, or reopened, at an instant (epoch ms). */
export type ThreadOutcomeEvent = { kind: 'resolved' | 'reopened'; atMs: number };

/** Whether a conversation is resolved as of an instant, and since when (null when it is not). */
export type ThreadResolution = { resolved: boolean; resolvedAtMs: number | null };

/**
 * A conversation's state as of `asOfMs`: the last outcome event at or before `asOfMs` wins (of two at the same
 * instant, the one listed later), so resolved, reopened and resolved again is resolved at the last time. Without
 * an event it is not resolved.
 */
export function threadResolutionAt(events: readonly ThreadOutcomeEvent[], asOfMs: number): ThreadResolution {
  let last: ThreadOutcomeEvent | null = null;
  for (const e of events) {
    if (e.atMs <= asOfMs && (last === null || e.atMs >= last.atMs)) last = e;
  }
  return last?.kind === 'resolved'
    ? { resolved: true, resolvedAtMs: last.atMs }
    : { resolved: false, resolvedAtMs: null };
}

/** A conversation as the resolution figures read it (the caller picks them, e.g. complaint threads). */
export type ResolutionThread = {
  /** When the conversation began: its first message. */
  openedAtMs: number;
  /** Its resolve and reopen events, in any order. */
  outcomes: readonly ThreadOutcomeEvent[];
  /** When we wrote in it (its outbound messages), in any order. */
  outboundAtMs: readonly number[];
};

/** Threads opened in the period and resolved by its end, with the time of their (last) resolution. */
function resolvedInPeriod<T extends ResolutionThread>(
  threads: readonly T[],
  period: Period,
): { opened: number; resolved: { thread: T; resolvedAtMs: number }[] } {
  // `toMs` is exclusive: the state at the period's last millisecond.
  const endMs = period.toMs - 1;
  let opened = 0;
  const resolved: { thread: T; resolvedAtMs: number }[] = [];
  for (const thread of threads) {
    if (!inPeriod(thread.openedAtMs, period)) continue;
    opened++;
    const state = threadResolutionAt(thread.outcomes, endMs);
    if (state.resolvedAtMs !== null) resolved.push({ thread, resolvedAtMs: state.resolvedAtMs });
  }
  return { opened, resolved };
}

/**
 * Resolution rate = threads opened in the period and resolved by its end ÷ threads opened in the period. A
 * thread reopened and not resolved again by the end is not resolved.
 */
export function resolutionRate(threads: readonly ResolutionThread[], period: Period): Ratio {
  const { opened, resolved } = resolvedInPeriod(threads, period);
  return ratio(resolved.length, opened);
}

/**
 * First-contact resolution = resolved threads with exactly one outbound message at or before their resolution ÷
 * resolved threads (those opened in the period and resolved by its end, as in {@link resolutionRate}). A thread
 * reopened and resolved again was usually answered more than once, so it rarely counts.
 */
export function firstContactResolution(threads: readonly ResolutionThread[], period: Period): Ratio {
  const { resolved } = resolvedInPeriod(threads, period);
  let firstContact = 0;
  for (const { thread, resolvedAtMs } of resolved) {
    let replies = 0;
    for (const at of thread.outboundAtMs) if (at <= resolvedAtMs) replies++;
    if (replies === 1) firstContact++;
  }
  return ratio(firstContact, resolved.length);
}

/** How long resolved threads took; null figures when no thread was resolved. */
export type ResolutionTimes = {
  /** Resolved threads the figures are over. */
  n: number;
  medianWorkMs: number | null;
  p90WorkMs: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
};

/**
 * Resolution time of each thread opened in the period and resolved by its end = working time from its opening
 * to its (last) resolution on the organisation's calendar ({@link workingMsBetween}). Median and p90 are nearest
 * rank ({@link percentileNearestRank}). In working days = working ms ÷ the nominal length of one working day of
 * the calendar (end − start of its working hours, {@link workingDayMs}), as a `working_days` SLA counts: with
 * 09:00–18:00, 13.5 working hours are 1.5 working days.
 */
export function resolutionTimes(
  threads: readonly ResolutionThread[],
  period: Period,
  cal: WorkCalendar,
): ResolutionTimes {
  const { resolved } = resolvedInPeriod(threads, period);
  const times = resolved
    .map(({ thread, resolvedAtMs }) => workingMsBetween(thread.openedAtMs, resolvedAtMs, cal))
    .sort((a, b) => a - b);
  const medianWorkMs = percentileNearestRank(times, 50);
  const p90WorkMs = percentileNearestRank(times, 90);
  const dayMs = workingDayMs(cal);
  return {
    n: times.length,
    medianWorkMs,
    p90WorkMs,
    medianWorkingDays: medianWorkMs === null ? null : medianWorkMs / dayMs,
    p90WorkingDays: p90WorkMs === null ? null : p90WorkMs / dayMs,
  };
}
