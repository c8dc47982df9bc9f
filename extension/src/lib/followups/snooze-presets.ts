import { DateTime } from 'luxon';
import { isWorkingDay, workingPeriodsOn } from '@comms-log/shared/domain';
import type { WorkCalendar } from '@comms-log/shared';

/** The snooze choices of a row: an hour, tomorrow morning, next week, or a date. */
export type SnoozePreset =
  | { kind: 'hour' }
  | { kind: 'tomorrow' }
  | { kind: 'next-week' }
  | { kind: 'date'; date: string };

/** How far to look for a working day before giving up (a calendar of holidays only). */
const SEARCH_DAYS = 400;

/** When work starts on `day`: its first working period (a short Friday may start later), else the usual start. */
function atWorkStart(day: DateTime, cal: WorkCalendar): number {
  const first = workingPeriodsOn(day.toISODate()!, cal)[0];
  if (first) return first.startMs;
  const [hour, minute] = cal.start.split(':').map(Number) as [number, number];
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** The start of working hours on the first working day on or after `day` (local, in the calendar's zone). */
function firstWorkingStartFrom(day: DateTime, cal: WorkCalendar): number {
  let d = day.startOf('day');
  for (let n = 0; n < SEARCH_DAYS; n++, d = d.plus({ days: 1 })) {
    if (isWorkingDay(d.toISODate()!, cal)) return atWorkStart(d, cal);
  }
  // No working day within a year: the same hour of the next calendar day is the least surprising answer.
  return atWorkStart(day.startOf('day').plus({ days: 1 }), cal);
}

/**
 * When a snooze ends, in the organisation's working calendar:
 * - `hour`: one hour from now;
 * - `tomorrow` ("tomorrow morning"): the start of the next working day after today (Friday evening → Monday);
 * - `next-week`: the start of the first working day of next week (weeks start on Monday);
 * - `date`: the start of working hours on that day (a local date, `YYYY-MM-DD`), working day or not.
 */
export function snoozeUntil(preset: SnoozePreset, nowMs: number, cal: WorkCalendar): number {
  const now = DateTime.fromMillis(nowMs, { zone: cal.timeZone });
  switch (preset.kind) {
    case 'hour':
      return nowMs + 3_600_000;
    case 'tomorrow':
      return firstWorkingStartFrom(now.plus({ days: 1 }), cal);
    case 'next-week':
      return firstWorkingStartFrom(now.startOf('week').plus({ weeks: 1 }), cal);
    case 'date': {
      const day = DateTime.fromISO(preset.date, { zone: cal.timeZone });
      if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(preset.date)) throw new Error(`not a date: ${preset.date}`);
      return atWorkStart(day, cal);
    }
  }
}

/**
 * The start of the working day `dayMs` falls on, if it is a working day of the calendar, with the local date;
 * null on days off. The daily digest fires from this instant.
 */
export function workdayStartOn(
  dayMs: number,
  cal: WorkCalendar,
): { date: string; startMs: number; endMs: number } | null {
  const date = DateTime.fromMillis(dayMs, { zone: cal.timeZone }).toISODate()!;
  const periods = workingPeriodsOn(date, cal);
  if (!periods.length) return null;
  // The working day runs from its first period's start to its last period's end, breaks and all.
  return { date, startMs: periods[0]!.startMs, endMs: periods[periods.length - 1]!.endMs };
}
