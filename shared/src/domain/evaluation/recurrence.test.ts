import { describe, expect, it } from 'vitest';
import { expandRecurrence, type RecurringActivity } from './recurrence';

const H = 3_600_000;
const DAY = 24 * H;
const at = (iso: string) => Date.parse(iso);
const sh = (local: string) => at(`${local}+08:00`);
const zone = 'Asia/Shanghai';
const iso = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16);
const activity = (start: string, hours: number, recurrence: RecurringActivity['recurrence']): RecurringActivity => ({
  startAtMs: sh(start),
  endAtMs: sh(start) + hours * H,
  recurrence,
});
const march = { fromMs: sh('2026-03-01T00:00'), toMs: sh('2026-04-01T00:00') };
/** The Mondays of March 2026 at 10:00. */
const marchMondays = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'].map((d) => `${d}T10:00`);
const year2026 = { fromMs: sh('2026-01-01T00:00'), toMs: sh('2027-01-01T00:00') };

describe('expandRecurrence', () => {
  it('gives a one-off activity when it starts in the period', () => {
    const a = activity('2026-03-10T10:00', 2, 'none');
    expect(expandRecurrence(a, march, zone)).toEqual([{ index: 0, startMs: a.startAtMs, endMs: a.endAtMs }]);
    expect(expandRecurrence(activity('2026-02-28T23:00', 2, 'none'), march, zone)).toEqual([]);
  });

  it('repeats weekly on the same weekday and time', () => {
    // Monday 5 January; March's Mondays are the 2nd (8 weeks later) to the 30th.
    const r = expandRecurrence(activity('2026-01-05T10:00', 1, 'weekly'), march, zone);
    expect(r.map((o) => o.index)).toEqual([8, 9, 10, 11, 12]);
    expect(r.map((o) => iso(o.startMs))).toEqual(marchMondays);
    expect(r.every((o) => o.endMs - o.startMs === H)).toBe(true);
  });

  it('skips ahead from a start long ago without missing an occurrence', () => {
    // 3 January 2000 was a Monday.
    const r = expandRecurrence(activity('2000-01-03T10:00', 1, 'weekly'), march, zone);
    expect(r.map((o) => iso(o.startMs))).toEqual(marchMondays);
    expect(r[0]!.index).toBe((sh('2026-03-02T10:00') - sh('2000-01-03T10:00')) / (7 * DAY));
  });

  it('keeps the wall-clock time across a DST change in the zone', () => {
    const berlin = { fromMs: at('2026-03-16T00:00+01:00'), toMs: at('2026-04-06T00:00+02:00') };
    const a = {
      startAtMs: at('2026-03-16T09:00+01:00'),
      endAtMs: at('2026-03-16T10:30+01:00'),
      recurrence: 'weekly' as const,
    };
    expect(expandRecurrence(a, berlin, 'Europe/Berlin')).toEqual([
      { index: 0, startMs: at('2026-03-16T09:00+01:00'), endMs: at('2026-03-16T10:30+01:00') },
      { index: 1, startMs: at('2026-03-23T09:00+01:00'), endMs: at('2026-03-23T10:30+01:00') },
      // Summer time from 29 March: still 09:00 local.
      { index: 2, startMs: at('2026-03-30T09:00+02:00'), endMs: at('2026-03-30T10:30+02:00') },
    ]);
  });

  it('clamps a monthly date to the end of shorter months, counting from the first each time', () => {
    const r = expandRecurrence(activity('2026-01-31T10:00', 1, 'monthly'), year2026, zone);
    expect(r.slice(0, 5).map((o) => iso(o.startMs))).toEqual([
      '2026-01-31T10:00',
      '2026-02-28T10:00',
      '2026-03-31T10:00',
      '2026-04-30T10:00',
      '2026-05-31T10:00',
    ]);
    expect(r).toHaveLength(12);
  });

  it('repeats quarterly and half-yearly', () => {
    const quarterly = expandRecurrence(activity('2025-11-30T15:00', 2, 'quarterly'), year2026, zone);
    expect(quarterly.map((o) => [o.index, iso(o.startMs)])).toEqual([
      [1, '2026-02-28T15:00'],
      [2, '2026-05-30T15:00'],
      [3, '2026-08-30T15:00'],
      [4, '2026-11-30T15:00'],
    ]);
    const halfYearly = expandRecurrence(activity('2025-08-31T09:00', 3, 'half_yearly'), year2026, zone);
    expect(halfYearly.map((o) => [o.index, iso(o.startMs), iso(o.endMs)])).toEqual([
      [1, '2026-02-28T09:00', '2026-02-28T12:00'],
      [2, '2026-08-31T09:00', '2026-08-31T12:00'],
    ]);
  });

  it('keeps a multi-day length and leaves out an occurrence that starts before the period', () => {
    const r = expandRecurrence(activity('2026-01-27T09:00', 56, 'monthly'), march, zone);
    // 27 February's occurrence runs into March but starts before it.
    expect(r.map((o) => [iso(o.startMs), iso(o.endMs)])).toEqual([['2026-03-27T09:00', '2026-03-29T17:00']]);
  });

  it('is empty before the activity starts and rejects an unknown zone', () => {
    expect(expandRecurrence(activity('2026-04-06T10:00', 1, 'weekly'), march, zone)).toEqual([]);
    expect(() => expandRecurrence(activity('2026-03-02T10:00', 1, 'weekly'), march, 'Mars/Olympus')).toThrow(
      'unknown time zone',
    );
  });
});
