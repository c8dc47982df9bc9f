import type { TimeSpan, WorkCalendar } from '../../schemas/plan';

/** A working period of a day in minutes since local midnight: `[start, end)`. */
export type MinuteSpan = readonly [start: number, end: number];

/** The working periods of each kind of day of a calendar, in minutes, in order. */
export interface DayPeriods {
  /** Index 1 (Monday) … 7 (Sunday): the periods of a working weekday; empty for a weekday off. */
  byWeekday: readonly (readonly MinuteSpan[])[];
  /** The usual working day (`start`–`end` less `breaks`): extra working days work it. */
  usual: readonly MinuteSpan[];
}

function parseMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`working hours must be HH:MM, got "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const spanOf = (s: TimeSpan): MinuteSpan => [parseMinutes(s.start), parseMinutes(s.end)];

/** `[start, end)` less the breaks, which lie inside it in order. */
function withoutBreaks(start: number, end: number, breaks: readonly MinuteSpan[]): MinuteSpan[] {
  const out: MinuteSpan[] = [];
  let from = start;
  for (const [bStart, bEnd] of breaks) {
    if (bStart > from) out.push([from, Math.min(bStart, end)]);
    from = Math.max(from, bEnd);
  }
  if (end > from) out.push([from, end]);
  return out;
}

/**
 * The working periods of each kind of day (docs/metrics.md "Working time"): a weekday in `workDays` works its own
 * periods from `weekdays`, else the usual day, `start`–`end` less `breaks`; other weekdays none. Throws on hours
 * that end before they start (the plan schema refuses those first).
 */
export function dayPeriodsOf(cal: WorkCalendar): DayPeriods {
  const start = parseMinutes(cal.start);
  const end = parseMinutes(cal.end);
  if (!(end > start)) throw new Error(`working hours must end after they start (${cal.start}–${cal.end})`);
  const usual = withoutBreaks(start, end, (cal.breaks ?? []).map(spanOf));
  const working = new Set(cal.workDays);
  const byWeekday: MinuteSpan[][] = [[]];
  for (let day = 1; day <= 7; day++) {
    const own = cal.weekdays?.[String(day) as keyof NonNullable<WorkCalendar['weekdays']>];
    byWeekday.push(!working.has(day) ? [] : own ? own.map(spanOf) : usual);
  }
  for (const spans of byWeekday)
    for (const [s, e] of spans) if (!(e > s)) throw new Error('a working period must end after it starts');
  return { byWeekday, usual };
}

/** Working minutes of the usual working day: what one `working_days` unit of an SLA is worth. */
export const usualDayMinutes = (periods: DayPeriods): number => periods.usual.reduce((sum, [s, e]) => sum + (e - s), 0);
