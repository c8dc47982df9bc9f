import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '@comms-log/shared';
import { snoozeUntil, workdayStartOn } from './snooze-presets';

// Shanghai (UTC+8, no DST), Monday to Friday 09:00–18:00, with 2026-05-01 (a Friday) off.
const cal: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  holidays: ['2026-05-01'],
  extraWorkDays: [],
};
const at = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('a calendar with a short Friday that starts late', () => {
  const fridays: WorkCalendar = {
    ...cal,
    breaks: [{ start: '12:00', end: '13:30' }],
    weekdays: { '5': [{ start: '10:00', end: '15:00' }] },
  };
  it('snoozes until the Friday’s own start, and gives the digest that day’s hours', () => {
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-03-12T15:00:00'), fridays))).toBe(
      iso(at('2026-03-13T10:00:00')),
    );
    expect(workdayStartOn(at('2026-03-13T08:00:00'), fridays)).toEqual({
      date: '2026-03-13',
      startMs: at('2026-03-13T10:00:00'),
      endMs: at('2026-03-13T15:00:00'),
    });
    // A usual day ends at 18:00, its lunch break inside.
    expect(workdayStartOn(at('2026-03-12T08:00:00'), fridays)?.endMs).toBe(at('2026-03-12T18:00:00'));
  });
});

describe('snoozeUntil', () => {
  it('1 hour is an hour of calendar time, even out of hours', () => {
    expect(snoozeUntil({ kind: 'hour' }, at('2026-03-10T17:30:00'), cal)).toBe(at('2026-03-10T18:30:00'));
  });

  it('tomorrow morning is the start of the next working day', () => {
    // Tuesday afternoon -> Wednesday 09:00.
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-03-10T15:00:00'), cal))).toBe(iso(at('2026-03-11T09:00:00')));
    // Early on a working day it is still tomorrow, not today's start.
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-03-10T07:00:00'), cal))).toBe(iso(at('2026-03-11T09:00:00')));
    // Friday evening -> Monday.
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-03-13T19:00:00'), cal))).toBe(iso(at('2026-03-16T09:00:00')));
    // Thursday before the May Day holiday -> Monday 4 May.
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-04-30T10:00:00'), cal))).toBe(iso(at('2026-05-04T09:00:00')));
  });

  it('uses the calendar zone, not the browser zone', () => {
    // 23:30 UTC on Tuesday is already Wednesday 07:30 in Shanghai: tomorrow morning is Thursday there.
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, Date.parse('2026-03-10T23:30:00Z'), cal))).toBe(
      iso(at('2026-03-12T09:00:00')),
    );
  });

  it('next week is the first working day of next week', () => {
    expect(iso(snoozeUntil({ kind: 'next-week' }, at('2026-03-11T10:00:00'), cal))).toBe(
      iso(at('2026-03-16T09:00:00')),
    );
    // From Sunday, next week starts tomorrow.
    expect(iso(snoozeUntil({ kind: 'next-week' }, at('2026-03-15T10:00:00'), cal))).toBe(
      iso(at('2026-03-16T09:00:00')),
    );
    const mondayOff: WorkCalendar = { ...cal, holidays: ['2026-03-16'] };
    expect(iso(snoozeUntil({ kind: 'next-week' }, at('2026-03-11T10:00:00'), mondayOff))).toBe(
      iso(at('2026-03-17T09:00:00')),
    );
  });

  it('a date means the start of working hours that day', () => {
    expect(iso(snoozeUntil({ kind: 'date', date: '2026-03-20' }, at('2026-03-10T10:00:00'), cal))).toBe(
      iso(at('2026-03-20T09:00:00')),
    );
    expect(() => snoozeUntil({ kind: 'date', date: 'soon' }, at('2026-03-10T10:00:00'), cal)).toThrow(/not a date/);
  });

  it('follows the calendar start time', () => {
    const late: WorkCalendar = { ...cal, start: '10:30' };
    expect(iso(snoozeUntil({ kind: 'tomorrow' }, at('2026-03-10T15:00:00'), late))).toBe(
      iso(at('2026-03-11T10:30:00')),
    );
  });
});

describe('workdayStartOn', () => {
  it('gives the working period of a working day and null on days off', () => {
    expect(workdayStartOn(at('2026-03-10T12:00:00'), cal)).toEqual({
      date: '2026-03-10',
      startMs: at('2026-03-10T09:00:00'),
      endMs: at('2026-03-10T18:00:00'),
    });
    expect(workdayStartOn(at('2026-03-14T12:00:00'), cal)).toBeNull();
    expect(workdayStartOn(at('2026-05-01T12:00:00'), cal)).toBeNull();
  });
});
