import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../schemas/plan';
import { addWorkingMs, isWorkingDay, workingDayMs, workingMsBetween } from './working-time';

const H = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};

const shanghai: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  holidays: [],
  extraWorkDays: [],
};
const cal = (over: Partial<WorkCalendar>): WorkCalendar => ({ ...shanghai, ...over });

describe('isWorkingDay', () => {
  it('follows the working week, holidays and extra working days', () => {
    expect(isWorkingDay('2026-03-09', shanghai)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-13', shanghai)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', shanghai)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', shanghai)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-16', cal({ holidays: ['2026-03-16'] }))).toBe(false);
    expect(isWorkingDay('2026-03-14', cal({ extraWorkDays: ['2026-03-14'] }))).toBe(true);
  });

  it('lets a holiday win over an extra working day on the same date', () => {
    expect(isWorkingDay('2026-03-14', cal({ holidays: ['2026-03-14'], extraWorkDays: ['2026-03-14'] }))).toBe(false);
  });

  it('uses ISO weekdays (7 = Sunday)', () => {
    const sundaysOnly = cal({ workDays: [7] });
    expect(isWorkingDay('2026-03-15', sundaysOnly)).toBe(true);
    expect(isWorkingDay('2026-03-09', sundaysOnly)).toBe(false);
  });
});

describe('workingDayMs', () => {
  it('is the length of the working hours', () => {
    expect(workingDayMs(shanghai)).toBe(9 * H);
    expect(workingDayMs(cal({ start: '08:30', end: '17:15' }))).toBe(8 * H + 45 * MIN);
    expect(workingDayMs(cal({ start: '00:00', end: '24:00' }))).toBe(24 * H);
  });
});

describe('workingMsBetween', () => {
  it('counts only working hours within one day', () => {
    expect(workingMsBetween(at('2026-03-09T10:00+08:00'), at('2026-03-09T13:00+08:00'), shanghai)).toBe(3 * H);
  });

  it('is 0 when the end is not after the start', () => {
    const t = at('2026-03-09T10:00+08:00');
    expect(workingMsBetween(t, t, shanghai)).toBe(0);
    expect(workingMsBetween(t, t - H, shanghai)).toBe(0);
  });

  it('starts an out-of-hours arrival at the next working period', () => {
    expect(workingMsBetween(at('2026-03-09T07:00+08:00'), at('2026-03-09T10:00+08:00'), shanghai)).toBe(1 * H);
    expect(workingMsBetween(at('2026-03-09T20:00+08:00'), at('2026-03-10T09:30+08:00'), shanghai)).toBe(30 * MIN);
    // Saturday arrival, answered Monday 09:45.
    expect(workingMsBetween(at('2026-03-14T11:00+08:00'), at('2026-03-16T09:45+08:00'), shanghai)).toBe(45 * MIN);
    // Entirely out of hours.
    expect(workingMsBetween(at('2026-03-09T18:30+08:00'), at('2026-03-10T08:59+08:00'), shanghai)).toBe(0);
  });

  it('stops the clock at the end of each working period', () => {
    // Mon 17:00 -> Tue 10:00: 1 h Monday + 1 h Tuesday.
    expect(workingMsBetween(at('2026-03-09T17:00+08:00'), at('2026-03-10T10:00+08:00'), shanghai)).toBe(2 * H);
    // A reply at 20:00 on the same evening adds nothing after 18:00.
    expect(workingMsBetween(at('2026-03-09T17:00+08:00'), at('2026-03-09T20:00+08:00'), shanghai)).toBe(1 * H);
  });

  it('skips a holiday Monday after a Friday 17:00 arrival (clock resumes Tuesday 09:00)', () => {
    const withHoliday = cal({ holidays: ['2026-03-16'] });
    const friday17 = at('2026-03-13T17:00+08:00');
    expect(workingMsBetween(friday17, at('2026-03-16T12:00+08:00'), withHoliday)).toBe(1 * H);
    expect(workingMsBetween(friday17, at('2026-03-17T09:00+08:00'), withHoliday)).toBe(1 * H);
    expect(workingMsBetween(friday17, at('2026-03-17T10:00+08:00'), withHoliday)).toBe(2 * H);
    // Without the holiday Monday counts.
    expect(workingMsBetween(friday17, at('2026-03-17T10:00+08:00'), shanghai)).toBe(11 * H);
    // Arriving Friday evening out of hours: nothing until Tuesday 09:00.
    expect(workingMsBetween(at('2026-03-13T19:00+08:00'), at('2026-03-17T09:30+08:00'), withHoliday)).toBe(30 * MIN);
  });

  it('counts extra working days (make-up Saturday)', () => {
    const makeUp = cal({ extraWorkDays: ['2026-03-14'] });
    expect(workingMsBetween(at('2026-03-13T17:00+08:00'), at('2026-03-16T10:00+08:00'), makeUp)).toBe(11 * H);
    expect(workingMsBetween(at('2026-03-13T17:00+08:00'), at('2026-03-16T10:00+08:00'), shanghai)).toBe(2 * H);
  });

  it('handles the spring-forward day in Europe/Berlin (2026-03-29 has 23 hours)', () => {
    const berlinAllDay: WorkCalendar = {
      ...shanghai,
      timeZone: 'Europe/Berlin',
      workDays: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '24:00',
    };
    const start = at('2026-03-29T00:00+01:00');
    const end = at('2026-03-30T00:00+02:00');
    expect(end - start).toBe(23 * H); // calendar time
    expect(workingMsBetween(start, end, berlinAllDay)).toBe(23 * H);
    // 09:00–18:00 every day: a Saturday 09:00 -> Sunday 09:00 span is 9 working h but only 23 calendar h.
    const berlinDaily: WorkCalendar = { ...berlinAllDay, start: '09:00', end: '18:00' };
    const s = at('2026-03-28T09:00+01:00');
    const e = at('2026-03-29T09:00+02:00');
    expect(e - s).toBe(23 * H);
    expect(workingMsBetween(s, e, berlinDaily)).toBe(9 * H);
    // Working hours that straddle the 02:00 jump are an hour short that day.
    const berlinNight: WorkCalendar = { ...berlinAllDay, start: '01:00', end: '05:00' };
    expect(workingMsBetween(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), berlinNight)).toBe(3 * H);
    expect(workingMsBetween(at('2026-03-28T00:00+01:00'), at('2026-03-29T00:00+01:00'), berlinNight)).toBe(4 * H);
  });

  it('handles America/New_York across both DST changes', () => {
    const ny: WorkCalendar = { ...shanghai, timeZone: 'America/New_York' };
    // Fri 2026-03-06 17:00 EST -> Mon 2026-03-09 10:00 EDT: 1 h + 1 h working; 64 h calendar (one hour lost).
    const fri = at('2026-03-06T17:00-05:00');
    const mon = at('2026-03-09T10:00-04:00');
    expect(mon - fri).toBe(64 * H);
    expect(workingMsBetween(fri, mon, ny)).toBe(2 * H);
    // Fall back on Sunday 2026-11-01: the day has 25 hours.
    const nyAllDay: WorkCalendar = { ...ny, workDays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };
    const s = at('2026-11-01T00:00-04:00');
    const e = at('2026-11-02T00:00-05:00');
    expect(e - s).toBe(25 * H);
    expect(workingMsBetween(s, e, nyAllDay)).toBe(25 * H);
    // Working hours stay 09:00–18:00 local on both sides of the change.
    expect(workingMsBetween(at('2026-10-30T09:00-04:00'), at('2026-11-02T18:00-05:00'), ny)).toBe(18 * H);
  });

  it('sums a whole year exactly (261 weekdays in 2026)', () => {
    expect(workingMsBetween(at('2026-01-01T00:00+08:00'), at('2027-01-01T00:00+08:00'), shanghai)).toBe(261 * 9 * H);
    const withHolidays = cal({ holidays: ['2026-01-01', '2026-10-01', '2026-10-03'] }); // 10-03 is a Saturday
    expect(workingMsBetween(at('2026-01-01T00:00+08:00'), at('2027-01-01T00:00+08:00'), withHolidays)).toBe(
      259 * 9 * H,
    );
  });

  it('agrees with a day-by-day reference over random spans in a DST zone', () => {
    const berlin: WorkCalendar = {
      timeZone: 'Europe/Berlin',
      workDays: [1, 2, 3, 4, 5],
      start: '08:30',
      end: '17:00',
      holidays: ['2026-04-03', '2026-04-06', '2026-12-25'],
      extraWorkDays: ['2026-03-28'],
    };
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const base = at('2025-12-01T00:00Z');
    for (let k = 0; k < 200; k++) {
      const s = base + Math.floor(rand() * 400 * 24) * 15 * MIN;
      const e = s + Math.floor(rand() * 200 * 24) * 7 * MIN;
      expect(workingMsBetween(s, e, berlin)).toBe(referenceWorkingMs(s, e, berlin));
    }
  });

  it('returns 0 for a calendar with no working days', () => {
    expect(workingMsBetween(at('2026-03-09T10:00+08:00'), at('2026-04-09T10:00+08:00'), cal({ workDays: [] }))).toBe(0);
  });

  it('is fast for 100k spans of months', () => {
    const base = at('2026-01-05T10:00+08:00');
    const began = performance.now();
    let sum = 0;
    for (let k = 0; k < 100_000; k++) {
      const s = base + (k % 5000) * 37 * MIN;
      sum += workingMsBetween(s, s + ((k % 90) + 1) * 24 * H, shanghai);
    }
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - began).toBeLessThan(3000);
  });
});

describe('addWorkingMs', () => {
  it('adds within a day and lands exactly at the end of a working period', () => {
    expect(addWorkingMs(at('2026-03-09T10:00+08:00'), 4 * H, shanghai)).toBe(at('2026-03-09T14:00+08:00'));
    expect(addWorkingMs(at('2026-03-09T14:00+08:00'), 4 * H, shanghai)).toBe(at('2026-03-09T18:00+08:00'));
  });

  it('carries over nights, weekends and holidays', () => {
    expect(addWorkingMs(at('2026-03-13T17:00+08:00'), 4 * H, shanghai)).toBe(at('2026-03-16T12:00+08:00'));
    expect(addWorkingMs(at('2026-03-13T17:00+08:00'), 4 * H, cal({ holidays: ['2026-03-16'] }))).toBe(
      at('2026-03-17T12:00+08:00'),
    );
    expect(addWorkingMs(at('2026-03-13T17:00+08:00'), 4 * H, cal({ extraWorkDays: ['2026-03-14'] }))).toBe(
      at('2026-03-14T12:00+08:00'),
    );
  });

  it('starts an out-of-hours arrival at the next working period', () => {
    expect(addWorkingMs(at('2026-03-09T06:00+08:00'), 1 * H, shanghai)).toBe(at('2026-03-09T10:00+08:00'));
    expect(addWorkingMs(at('2026-03-14T22:00+08:00'), 30 * MIN, shanghai)).toBe(at('2026-03-16T09:30+08:00'));
    expect(addWorkingMs(at('2026-03-09T18:00+08:00'), 1, shanghai)).toBe(at('2026-03-10T09:00+08:00') + 1);
  });

  it('adds working days as whole working periods', () => {
    // 1 working day (9 h) from Tue 11:00 -> Wed 11:00; 3 working days from Fri 17:00 -> Wed 17:00.
    expect(addWorkingMs(at('2026-03-10T11:00+08:00'), 9 * H, shanghai)).toBe(at('2026-03-11T11:00+08:00'));
    expect(addWorkingMs(at('2026-03-13T17:00+08:00'), 27 * H, shanghai)).toBe(at('2026-03-18T17:00+08:00'));
  });

  it('crosses DST in New York with local working hours', () => {
    const ny: WorkCalendar = { ...shanghai, timeZone: 'America/New_York' };
    expect(addWorkingMs(at('2026-03-06T16:00-05:00'), 4 * H, ny)).toBe(at('2026-03-09T11:00-04:00'));
  });

  it('returns the start for zero', () => {
    const t = at('2026-03-14T22:00+08:00');
    expect(addWorkingMs(t, 0, shanghai)).toBe(t);
  });

  it('is the inverse of workingMsBetween across year-long spans', () => {
    const starts = [
      '2026-01-01T03:00+08:00',
      '2026-03-13T17:59+08:00',
      '2026-06-20T12:00+08:00',
      '2026-12-31T17:00+08:00',
    ];
    for (const s of starts) {
      for (const ms of [1, 30 * MIN, 9 * H, 100 * H, 2400 * H]) {
        const end = addWorkingMs(at(s), ms, shanghai)!;
        expect(workingMsBetween(at(s), end, shanghai)).toBe(ms);
        // The deadline is the earliest such instant: one ms earlier is not enough.
        expect(workingMsBetween(at(s), end - 1, shanghai)).toBe(ms - 1);
      }
    }
  });

  it('says "no deadline" (null) rather than throwing or looping when there is no working time', () => {
    expect(addWorkingMs(at('2026-03-09T10:00+08:00'), H, cal({ workDays: [] }))).toBeNull();
    const onlyPast = cal({ workDays: [], extraWorkDays: ['2020-01-04'] });
    expect(addWorkingMs(at('2026-03-09T10:00+08:00'), H, onlyPast)).toBeNull();
    // A listed extra working day ahead is still reachable.
    const onlyOne = cal({ workDays: [], extraWorkDays: ['2026-03-14'] });
    expect(addWorkingMs(at('2026-03-09T10:00+08:00'), H, onlyOne)).toBe(at('2026-03-14T10:00+08:00'));
  });

  it('gives up past ~10 years: 1000 holidays on a one-day week leave no working time for 19 years', () => {
    const mondays = Array.from(
      { length: 1000 },
      (_, k) => DateTime.fromISO('2026-03-16', { zone: 'utc' }).plus({ weeks: k }).toISODate()!,
    );
    const sparse = cal({ workDays: [1], holidays: mondays });
    const started = performance.now();
    expect(addWorkingMs(at('2026-03-09T10:00+08:00'), 2 * H, sparse)).toBe(at('2026-03-09T12:00+08:00'));
    expect(addWorkingMs(at('2026-03-10T10:00+08:00'), H, sparse)).toBeNull();
    // A minute of work a week cannot hold a year of working hours within the bound either.
    const minuteAWeek = cal({ workDays: [1], start: '09:00', end: '09:01' });
    expect(addWorkingMs(at('2026-03-10T10:00+08:00'), 8784 * H, minuteAWeek)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** Naive reference: walk local days one by one with Luxon and intersect each working period. */
function referenceWorkingMs(startMs: number, endMs: number, c: WorkCalendar): number {
  if (endMs <= startMs) return 0;
  let day = DateTime.fromMillis(startMs, { zone: c.timeZone }).startOf('day').minus({ days: 1 });
  const [sh, sm] = c.start.split(':').map(Number) as [number, number];
  const [eh, em] = c.end.split(':').map(Number) as [number, number];
  let total = 0;
  while (day.toMillis() < endMs) {
    const iso = day.toISODate()!;
    const working = !c.holidays.includes(iso) && (c.extraWorkDays.includes(iso) || c.workDays.includes(day.weekday));
    if (working) {
      const ps = day.set({ hour: sh, minute: sm }).toMillis();
      const pe = eh === 24 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: eh, minute: em }).toMillis();
      total += Math.max(0, Math.min(pe, endMs) - Math.max(ps, startMs));
    }
    day = day.plus({ days: 1 });
  }
  return total;
}
