import { DateTime } from 'luxon';
import type { Recurrence } from '../../schemas/activity';
import { inPeriod, type Period } from './period';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One repetition of each recurrence, in calendar units of the zone. */
const stepOf: Record<Exclude<Recurrence, 'none'>, { weeks: number; months: number }> = {
  weekly: { weeks: 1, months: 0 },
  monthly: { weeks: 0, months: 1 },
  quarterly: { weeks: 0, months: 3 },
  half_yearly: { weeks: 0, months: 6 },
};

/** The most one repetition can last (longest months, plus a DST hour): to skip ahead without missing one. */
const longestStepMs: Record<Exclude<Recurrence, 'none'>, number> = {
  weekly: 7 * DAY_MS + HOUR_MS,
  monthly: 31 * DAY_MS + HOUR_MS,
  quarterly: 92 * DAY_MS + HOUR_MS,
  half_yearly: 184 * DAY_MS + HOUR_MS,
};

/** What the expansion reads of an activity. */
export type RecurringActivity = { startAtMs: number; endAtMs: number; recurrence: Recurrence };

/** One occurrence of an activity: `index` 0 is the activity's own dates, 1 the first repetition, and so on. */
export type Occurrence = { index: number; startMs: number; endMs: number };

/**
 * The occurrences of an activity that start in the period. Repetition `k` starts k weeks (weekly) or k × 1, 3
 * or 6 months (monthly, quarterly, half-yearly) after the first, counted from the first in the local time of
 * `zone` (the organisation's), so it keeps its wall-clock time across DST changes; a day missing from a shorter
 * month is clamped to the month's last day (monthly from 31 January: 28 February, 31 March, 30 April). Each lasts
 * as long as the first (in local days, then hours). `none` is the activity itself, if it starts in the period.
 *
 * @throws Error for an unknown time zone
 */
export function expandRecurrence(activity: RecurringActivity, period: Period, zone: string): Occurrence[] {
  const start = DateTime.fromMillis(activity.startAtMs, { zone });
  if (!start.isValid) throw new Error(`unknown time zone "${zone}"`);
  const length = DateTime.fromMillis(activity.endAtMs, { zone }).diff(start, [
    'days',
    'hours',
    'minutes',
    'seconds',
    'milliseconds',
  ]);
  if (activity.recurrence === 'none') {
    return inPeriod(activity.startAtMs, period)
      ? [{ index: 0, startMs: activity.startAtMs, endMs: activity.endAtMs }]
      : [];
  }
  const step = stepOf[activity.recurrence];
  // Repetition k starts at most k × longestStepMs after the first, so none before this one is in the period.
  let k = Math.max(0, Math.floor((period.fromMs - activity.startAtMs) / longestStepMs[activity.recurrence]));
  const occurrences: Occurrence[] = [];
  for (; ; k++) {
    // From the first each time, so clamping one month does not shift the later ones.
    const at = start.plus({ weeks: step.weeks * k, months: step.months * k });
    const startMs = at.toMillis();
    if (startMs >= period.toMs) break;
    if (startMs >= period.fromMs) occurrences.push({ index: k, startMs, endMs: at.plus(length).toMillis() });
  }
  return occurrences;
}
