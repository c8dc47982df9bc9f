import { describe, expect, it } from 'vitest';
import { isoInZone, isRealWallClock, offsetMinutesAt, wallClockAt, wallClockToMs } from './zone';

describe('offsetMinutesAt', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 'Asia/Shanghai', 480],
    ['2026-01-15T12:00:00Z', 'America/New_York', -300],
    ['2026-07-15T12:00:00Z', 'America/New_York', -240],
    ['2026-07-15T12:00:00Z', 'Asia/Kolkata', 330],
    ['2026-07-15T12:00:00Z', 'Australia/Lord_Howe', 630],
    ['2026-01-15T12:00:00Z', 'Australia/Lord_Howe', 660],
    ['2026-03-08T06:59:59Z', 'America/New_York', -300],
    ['2026-03-08T07:00:00Z', 'America/New_York', -240],
  ])('%s in %s is %i minutes', (instant, zone, minutes) => {
    expect(offsetMinutesAt(Date.parse(instant), zone)).toBe(minutes);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => offsetMinutesAt(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('wallClockToMs', () => {
  it('is the inverse of wallClockAt away from a switch', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kathmandu']) {
      const ms = Date.parse('2026-06-01T03:04:05Z');
      expect(wallClockToMs(wallClockAt(ms, zone), zone)).toBe(ms);
    }
  });
  it('takes the first of a wall-clock time shown twice and moves a skipped one forward', () => {
    const berlin = 'Europe/Berlin';
    const twice = wallClockToMs({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, berlin)!;
    expect(isoInZone(twice, berlin)).toBe('2026-10-25T02:30:00+02:00');
    const skipped = wallClockToMs({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, berlin)!;
    expect(isoInZone(skipped, berlin)).toBe('2026-03-29T03:30:00+02:00');
  });
  it.each([
    [{ year: 2026, month: 2, day: 29, hour: 0, minute: 0 }],
    [{ year: 2026, month: 4, day: 31, hour: 0, minute: 0 }],
    [{ year: 2026, month: 4, day: 1, hour: 24, minute: 0 }],
    [{ year: 2026, month: 4, day: 1, hour: 1, minute: 60 }],
    [{ year: 2026, month: 0, day: 1, hour: 1, minute: 0 }],
    [{ year: Number.NaN, month: 1, day: 1, hour: 1, minute: 0 }],
  ])('%j is no wall-clock time', (w) => {
    expect(isRealWallClock(w)).toBe(false);
    expect(wallClockToMs(w, 'UTC')).toBeNull();
  });
  it('knows leap days', () => {
    expect(isRealWallClock({ year: 2028, month: 2, day: 29, hour: 0, minute: 0 })).toBe(true);
  });
});

describe('isoInZone', () => {
  it('prints negative and half-hour offsets and drops milliseconds', () => {
    expect(isoInZone(Date.parse('2026-01-15T12:00:00.999Z'), 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(isoInZone(Date.parse('2026-01-15T00:00:00Z'), 'Asia/Kathmandu')).toBe('2026-01-15T05:45:00+05:45');
    expect(isoInZone(Date.parse('2026-01-15T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-01-16T00:00:00+08:00');
  });
});
