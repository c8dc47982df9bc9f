import { describe, expect, it } from 'vitest';
import type { DurationSpec, WorkCalendar } from '../../schemas/plan';
import { workCalendarSchema } from '../../schemas/plan';
import { deadlineFor } from '../sla';
import { workingDayMs, workingMsBetween, workingPeriodsOn } from '../working-time';

/*
 * A week of an office in Shanghai that keeps a lunch break and a short Friday (docs/metrics.md "Working time"):
 * Monday–Thursday 09:00–12:00 and 13:30–18:00 (7.5 h), Friday 09:00–12:00 and 13:30–16:00 (5.5 h).
 */

const H = 3_600_000;
const cal: WorkCalendar = workCalendarSchema.parse({
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  breaks: [{ start: '12:00', end: '13:30' }],
  weekdays: {
    '5': [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '16:00' },
    ],
  },
});
const at = (local: string) => Date.parse(`${local}+08:00`);
const local = (ms: number | null) =>
  ms === null ? null : new Date(ms + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
const due = (received: string, limit: DurationSpec) => local(deadlineFor(at(received), limit, cal));
const hours = (value: number): DurationSpec => ({ value, unit: 'working_hours' });

describe('a calendar with a lunch break and a short Friday', () => {
  it('gives the deadlines of a week (2026-03-09 is a Monday)', () => {
    expect(due('2026-03-09T10:00', hours(4))).toBe('2026-03-09 15:30');
    expect(due('2026-03-09T11:30', hours(1))).toBe('2026-03-09 14:00');
    // Received over lunch: the clock starts at 13:30.
    expect(due('2026-03-10T12:30', hours(4))).toBe('2026-03-10 17:30');
    expect(due('2026-03-12T16:00', hours(4))).toBe('2026-03-13 11:00');
    // Friday ends at 16:00: two hours that day, two on Monday.
    expect(due('2026-03-13T14:00', hours(4))).toBe('2026-03-16 11:00');
    expect(due('2026-03-13T17:00', hours(1))).toBe('2026-03-16 10:00');
    // A deadline at the end of the morning is noon, not 13:30.
    expect(due('2026-03-13T10:00', { value: 1, unit: 'working_days' })).toBe('2026-03-16 12:00');
    // Calendar-time limits ignore the calendar.
    expect(due('2026-03-13T17:00', { value: 24, unit: 'hours' })).toBe('2026-03-14 17:00');
  });

  it('gives the working response times of a week', () => {
    expect(workingDayMs(cal)).toBe(7.5 * H);
    expect(workingMsBetween(at('2026-03-09T09:00'), at('2026-03-16T09:00'), cal)).toBe(35.5 * H);
    expect(workingMsBetween(at('2026-03-10T11:00'), at('2026-03-10T14:00'), cal)).toBe(1.5 * H);
    expect(workingMsBetween(at('2026-03-10T12:10'), at('2026-03-10T13:20'), cal)).toBe(0);
    expect(workingMsBetween(at('2026-03-13T15:00'), at('2026-03-16T10:00'), cal)).toBe(2 * H);
    expect(workingMsBetween(at('2026-03-13T16:00'), at('2026-03-13T18:00'), cal)).toBe(0);
  });

  it('lists the working periods of a day', () => {
    expect(workingPeriodsOn('2026-03-13', cal)).toEqual([
      { startMs: at('2026-03-13T09:00'), endMs: at('2026-03-13T12:00') },
      { startMs: at('2026-03-13T13:30'), endMs: at('2026-03-13T16:00') },
    ]);
    expect(workingPeriodsOn('2026-03-14', cal)).toEqual([]);
  });
});

describe('the calendar schema', () => {
  const base = { timeZone: 'Asia/Shanghai', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
  const messages = (input: unknown) => {
    const r = workCalendarSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('keeps a plan of the old form, one period the same every weekday, as it was', () => {
    expect(workCalendarSchema.parse(base)).toEqual({ ...base, holidays: [], extraWorkDays: [] });
  });

  it('refuses breaks outside the hours, overlapping periods and periods of a weekday off', () => {
    expect(messages({ ...base, breaks: [{ start: '08:00', end: '09:30' }] })).toEqual([
      'breaks.0: a break lies inside the working hours (09:00–18:00), not at either end',
    ]);
    const overlapping = [
      { start: '09:00', end: '12:30' },
      { start: '12:00', end: '15:00' },
    ];
    expect(messages({ ...base, weekdays: { '5': overlapping } })).toEqual([
      'weekdays.5.1.start: spans must be in order and not overlap: 12:00 is before 12:30',
    ]);
    expect(messages({ ...base, weekdays: { '6': [{ start: '10:00', end: '12:00' }] } })).toEqual([
      'weekdays.6: weekday 6 has working periods but is not in workDays: add it there, or remove its periods',
    ]);
  });
});
