import { DateTime } from 'luxon';
import type { MailCadence } from '@comms-log/shared';

/*
 * The periods a scheduled report covers, in the org's zone: ISO weeks (Monday to Monday, `2026-W11`) and calendar
 * months (`2026-03`). The schedule sends the last whole period before the moment it runs.
 */

export interface ReportPeriod {
  key: string;
  /** ISO instants with the zone's offset: [from, to). */
  from: string;
  to: string;
}

const asPeriod = (key: string, start: DateTime, end: DateTime): ReportPeriod => ({
  key,
  from: start.toISO({ suppressMilliseconds: true })!,
  to: end.toISO({ suppressMilliseconds: true })!,
});

function weekPeriod(start: DateTime): ReportPeriod {
  return asPeriod(`${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`, start, start.plus({ weeks: 1 }));
}

function monthPeriod(start: DateTime): ReportPeriod {
  return asPeriod(start.toFormat('yyyy-MM'), start, start.plus({ months: 1 }));
}

/** The last whole week or month before `now`, in `zone`. */
export function lastWholePeriod(cadence: MailCadence, now: number, zone: string): ReportPeriod {
  const at = DateTime.fromMillis(now, { zone });
  return cadence === 'weekly'
    ? weekPeriod(at.startOf('week').minus({ weeks: 1 }))
    : monthPeriod(at.startOf('month').minus({ months: 1 }));
}

/** The period a key names (`2026-W11`, `2026-03`) in `zone`, or null when the key names none. */
export function periodOfKey(key: string, zone: string): ReportPeriod | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    const start = DateTime.fromObject({ weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 }, { zone });
    return start.isValid && start.weekYear === Number(week[1]) && start.weekNumber === Number(week[2])
      ? weekPeriod(start)
      : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const start = DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]), day: 1 }, { zone });
    return start.isValid ? monthPeriod(start) : null;
  }
  return null;
}
