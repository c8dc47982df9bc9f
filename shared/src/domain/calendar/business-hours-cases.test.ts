import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../schemas/plan';
import { workCalendarSchema } from '../../schemas/plan';
import { addWorkingMs, workingMsBetween } from '../working-time';

/*
 * Cases from the test suites of two established business-hours libraries, the Ruby gems business_time and
 * working_hours, restated on this calendar (docs/metrics.md "Working time"). Both default to Monday–Friday
 * 09:00–17:00; their per-weekday hours become `workDays` plus `weekdays`, several spans a day become `breaks` or a
 * weekday's periods, and "0:00–0:00" (a whole day) becomes 00:00–24:00. Subtracting working time has no
 * counterpart here (a deadline only runs forward), so those cases are left out.
 */

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The libraries' default week, Monday–Friday 09:00–17:00, in UTC unless `over` says otherwise. */
const week = (over: Partial<WorkCalendar> = {}): WorkCalendar =>
  workCalendarSchema.parse({ timeZone: 'UTC', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', ...over });

/** business_time's "mon 9–17, fri 9–17, sat 10–15". */
const monFriSat = week({ workDays: [1, 5, 6], weekdays: { '6': [{ start: '10:00', end: '15:00' }] } });
/** business_time's "mon 0:00–0:00, fri 0:00–0:00, sat 11–15": Monday and Friday work the whole day. */
const wholeMonFri = week({
  workDays: [1, 5, 6],
  start: '00:00',
  end: '24:00',
  weekdays: { '6': [{ start: '11:00', end: '15:00' }] },
});
/** working_hours' "mon 07:00–12:00 and 13:00–18:00", Monday only. */
const splitMonday = week({ workDays: [1], start: '07:00', end: '18:00', breaks: [{ start: '12:00', end: '13:00' }] });

describe('business_time: adding business hours', () => {
  it('moves to the next day when adding a whole working day', () => {
    expect(iso(addWorkingMs(at('2010-08-04T09:35:00Z'), 8 * H, week()))).toBe('2010-08-05T09:35:00.000Z');
  });

  it('skips the weekend', () => {
    expect(iso(addWorkingMs(at('2010-04-09T16:50:00Z'), H, week()))).toBe('2010-04-12T09:50:00.000Z');
  });

  it('skips a holiday', () => {
    const cal = week({ holidays: ['2010-07-05'] });
    expect(iso(addWorkingMs(at('2010-07-02T16:50:00Z'), H, cal))).toBe('2010-07-06T09:50:00.000Z');
  });

  it('adds hours in the middle of the working day', () => {
    expect(iso(addWorkingMs(at('2010-04-12T09:50:00Z'), 3 * H, week()))).toBe('2010-04-12T12:50:00.000Z');
  });

  it('follows different hours per weekday', () => {
    expect(iso(addWorkingMs(at('2010-12-24T15:00:00Z'), 9 * H, monFriSat))).toBe('2010-12-27T11:00:00.000Z');
    expect(iso(addWorkingMs(at('2010-12-24T08:00:00Z'), 15 * H, monFriSat))).toBe('2010-12-27T11:00:00.000Z');
  });

  it('follows whole working days beside short ones', () => {
    expect(iso(addWorkingMs(at('2010-12-24T15:00:00Z'), 24 * H, wholeMonFri))).toBe('2010-12-27T11:00:00.000Z');
    expect(iso(addWorkingMs(at('2010-12-25T08:00:00Z'), 15 * H, wholeMonFri))).toBe('2010-12-27T11:00:00.000Z');
  });

  it('reaches the end of a Friday-only day exactly', () => {
    const fridays = week({ workDays: [5] });
    expect(iso(addWorkingMs(at('2010-12-24T08:00:00Z'), 8 * H, fridays))).toBe('2010-12-24T17:00:00.000Z');
  });
});

describe('business_time: business time between two instants', () => {
  it('follows different hours per weekday', () => {
    expect(workingMsBetween(at('2010-12-24T15:00:00Z'), at('2010-12-27T11:00:00Z'), monFriSat)).toBe(9 * H);
    expect(workingMsBetween(at('2010-12-24T15:00:00Z'), at('2010-12-27T11:00:00Z'), wholeMonFri)).toBe(24 * H);
  });

  it('reads instants given in another offset', () => {
    const monTueWed = week({ workDays: [1, 2, 3], end: '18:00' });
    const ms = workingMsBetween(at('2012-05-28T11:04:26+03:00'), at('2012-05-29T17:56:45+03:00'), monTueWed);
    expect(ms).toBe(53_805 * S);
  });

  it('counts every hour of a week of whole days but Tuesday to Thursday', () => {
    const whole = week({ workDays: [1, 5, 6, 7], start: '00:00', end: '24:00' });
    expect(workingMsBetween(at('2010-12-24T15:00:00Z'), at('2010-12-27T11:00:00Z'), whole)).toBe(68 * H);
  });
});

describe('working_hours: adding working time', () => {
  it('adds hours, minutes and seconds across the weekend', () => {
    expect(iso(addWorkingMs(at('1991-11-15T14:00:42Z'), 2 * H, week()))).toBe('1991-11-15T16:00:42.000Z');
    expect(iso(addWorkingMs(at('1991-11-15T16:30:42Z'), 45 * MIN, week()))).toBe('1991-11-18T09:15:42.000Z');
    expect(iso(addWorkingMs(at('1991-11-15T16:59:42Z'), 120 * S, week()))).toBe('1991-11-18T09:01:42.000Z');
  });

  it('works in the calendar zone whatever the offset of the start', () => {
    const tokyo = week({ timeZone: 'Asia/Tokyo' });
    expect(iso(addWorkingMs(at('1991-11-15T07:00:00Z'), 3 * H, tokyo))).toBe(
      new Date('1991-11-18T11:00:00+09:00').toISOString(),
    );
  });

  it('moves across a break between two spans', () => {
    expect(iso(addWorkingMs(at('1991-11-11T05:00:00Z'), 6 * H, splitMonday))).toBe('1991-11-11T14:00:00.000Z');
  });

  it('runs through midnight into the next week on a whole-day Monday', () => {
    const mondays = week({ workDays: [1], start: '00:00', end: '24:00' });
    expect(iso(addWorkingMs(at('2014-04-07T23:59:30Z'), 60 * S, mondays))).toBe('2014-04-14T00:00:30.000Z');
  });
});

describe('working_hours: working time between two instants', () => {
  it('is nothing over a weekend and the day within its hours', () => {
    expect(workingMsBetween(at('2014-04-11T20:00:00Z'), at('2014-04-14T05:00:00Z'), week())).toBe(0);
    expect(workingMsBetween(at('2014-04-07T10:00:00Z'), at('2014-04-07T15:00:00Z'), week())).toBe(5 * H);
    expect(workingMsBetween(at('2014-04-07T07:00:00Z'), at('2014-04-07T20:00:00Z'), week())).toBe(8 * H);
  });

  it('counts 105 whole Mondays in two years', () => {
    const mondays = week({ workDays: [1], start: '00:00', end: '24:00' });
    expect(workingMsBetween(at('2014-04-06T12:00:00Z'), at('2016-04-06T12:00:00Z'), mondays)).toBe(105 * 24 * H);
  });

  it('leaves out the break between two spans', () => {
    expect(workingMsBetween(at('2014-04-07T11:59:00Z'), at('2014-04-07T13:01:00Z'), splitMonday)).toBe(2 * MIN);
    expect(workingMsBetween(at('2014-04-07T11:00:00Z'), at('2014-04-14T13:00:00Z'), splitMonday)).toBe(11 * H);
  });

  it('knows which instants of a split day are working time', () => {
    const working = (t: string) => workingMsBetween(at(t), at(t) + MIN, splitMonday) > 0;
    expect(working('2014-04-07T11:59:00Z')).toBe(true);
    expect(working('2014-04-07T12:00:00Z')).toBe(false);
    expect(working('2014-04-07T12:59:00Z')).toBe(false);
    expect(working('2014-04-07T13:00:00Z')).toBe(true);
  });

  it('reads instants given in other offsets', () => {
    expect(workingMsBetween(at('2014-04-07T01:00:00-09:00'), at('2014-04-07T15:00:00-04:00'), week())).toBe(7 * H);
  });
});
