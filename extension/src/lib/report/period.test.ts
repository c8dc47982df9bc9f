import { describe, expect, it } from 'vitest';
import { customPeriod, periodDates, presetPeriod, trendUnit } from './period';

// Wednesday 2026-03-11 01:30 in Shanghai is still Tuesday in UTC: the zone decides the day.
const now = new Date('2026-03-10T17:30:00Z');
const zone = 'Asia/Shanghai';

describe('presetPeriod', () => {
  it('takes the week from Monday in the org zone', () => {
    expect(presetPeriod('week', now, zone)).toEqual({
      from: '2026-03-09T00:00:00+08:00',
      to: '2026-03-16T00:00:00+08:00',
    });
  });
  it('takes the month and the quarter', () => {
    expect(presetPeriod('month', now, zone)).toEqual({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
    expect(presetPeriod('quarter', now, zone)).toEqual({
      from: '2026-01-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
  });
  it('makes the last 90 days end with today', () => {
    const p = presetPeriod('last90', now, zone);
    expect(p.to).toBe('2026-03-12T00:00:00+08:00');
    expect((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000).toBe(90);
  });
  it('follows DST in zones that have it', () => {
    const p = presetPeriod('month', new Date('2026-03-15T12:00:00Z'), 'Europe/London');
    expect(p).toEqual({ from: '2026-03-01T00:00:00+00:00', to: '2026-04-01T00:00:00+01:00' });
  });
});

describe('customPeriod', () => {
  it('includes both days', () => {
    const p = customPeriod('2026-03-09', '2026-03-15', zone)!;
    expect(p).toEqual({ from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' });
    expect(periodDates(p, zone)).toEqual({ first: '2026-03-09', last: '2026-03-15' });
  });
  it('refuses a reversed or invalid pair', () => {
    expect(customPeriod('2026-03-15', '2026-03-09', zone)).toBeNull();
    expect(customPeriod('2026-02-30', '2026-03-09', zone)).toBeNull();
  });
});

it('picks a trend unit by length', () => {
  expect(trendUnit(presetPeriod('month', now, zone))).toBe('day');
  expect(trendUnit(presetPeriod('last90', now, zone))).toBe('week');
  expect(trendUnit(customPeriod('2025-01-01', '2025-12-31', zone)!)).toBe('month');
});
