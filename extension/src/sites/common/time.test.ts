import { describe, expect, it } from 'vitest';
import { isoInZone, parseAbsoluteTime, parseRelativeTime, parseTimeText, zonedToIso } from './time';

const shanghai = { now: new Date('2026-03-10T09:30:00+08:00'), timeZone: 'Asia/Shanghai' };
// 2026-03-08 is the US switch to daylight time: New York goes from -05:00 to -04:00 at 02:00.
const newYork = { now: new Date('2026-03-09T10:15:42-04:00'), timeZone: 'America/New_York' };

describe('zonedToIso / isoInZone', () => {
  it('gives seconds and the offset the zone has at that instant', () => {
    expect(zonedToIso({ year: 2026, month: 3, day: 10, hour: 9, minute: 12 }, 'Asia/Shanghai')).toBe(
      '2026-03-10T09:12:00+08:00',
    );
    expect(zonedToIso({ year: 2026, month: 3, day: 7, hour: 23, minute: 0, second: 5 }, 'America/New_York')).toBe(
      '2026-03-07T23:00:05-05:00',
    );
    expect(zonedToIso({ year: 2026, month: 3, day: 8, hour: 12, minute: 0 }, 'America/New_York')).toBe(
      '2026-03-08T12:00:00-04:00',
    );
    expect(zonedToIso({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });
  it('rejects impossible dates', () => {
    expect(() => zonedToIso({ year: 2026, month: 2, day: 30, hour: 0, minute: 0 }, 'Asia/Shanghai')).toThrow(
      RangeError,
    );
  });
  it('formats an instant in a zone', () => {
    expect(isoInZone(Date.parse('2026-03-10T01:12:00Z'), 'Asia/Shanghai')).toBe('2026-03-10T09:12:00+08:00');
    expect(isoInZone(Date.parse('2026-03-10T01:12:00Z'), 'Europe/London')).toBe('2026-03-10T01:12:00+00:00');
  });
});

describe('parseRelativeTime', () => {
  const cases: Array<[string, string]> = [
    ['22 hours ago', '2026-03-09T11:30:00+08:00'],
    ['1 hour ago', '2026-03-10T08:30:00+08:00'],
    ['30 minutes ago', '2026-03-10T09:00:00+08:00'],
    ['a minute ago', '2026-03-10T09:29:00+08:00'],
    ['an hour ago', '2026-03-10T08:30:00+08:00'],
    ['3 days ago', '2026-03-07T09:30:00+08:00'],
    ['just now', '2026-03-10T09:30:00+08:00'],
    ['刚刚', '2026-03-10T09:30:00+08:00'],
    ['5分钟前', '2026-03-10T09:25:00+08:00'],
    ['2小时前', '2026-03-10T07:30:00+08:00'],
    ['3天前', '2026-03-07T09:30:00+08:00'],
    ['yesterday at 4:05 PM', '2026-03-09T16:05:00+08:00'],
    ['Yesterday at 16:05', '2026-03-09T16:05:00+08:00'],
    ['today at 8:01 AM', '2026-03-10T08:01:00+08:00'],
    ['今天 08:15', '2026-03-10T08:15:00+08:00'],
    ['昨天 14:05', '2026-03-09T14:05:00+08:00'],
    ['昨天16:05', '2026-03-09T16:05:00+08:00'],
    ['前天 23:59', '2026-03-08T23:59:00+08:00'],
    ['09:12', '2026-03-10T09:12:00+08:00'],
    ['9:12\u202fAM', '2026-03-10T09:12:00+08:00'],
    ['下午3:40', '2026-03-10T15:40:00+08:00'],
    ['3月9日 10:32', '2026-03-09T10:32:00+08:00'],
    ['26-3-9 10:32', '2026-03-09T10:32:00+08:00'],
    ['26-3-9 10:32 来自上海', '2026-03-09T10:32:00+08:00'],
    ['25-12-31 23:05', '2025-12-31T23:05:00+08:00'],
  ];
  it.each(cases)('%s', (text, iso) => {
    expect(parseRelativeTime(text, shanghai)).toBe(iso);
  });

  it('subtracts from now exactly and zeroes the seconds', () => {
    expect(parseRelativeTime('2 hours ago', newYork)).toBe('2026-03-09T08:15:00-04:00');
  });
  it('keeps the wall clock across a daylight-saving change for days, and the offset of that day', () => {
    expect(parseRelativeTime('2 days ago', newYork)).toBe('2026-03-07T10:15:00-05:00');
    expect(parseRelativeTime('yesterday at 1:30 AM', { ...newYork, now: new Date('2026-03-09T00:10:00-04:00') })).toBe(
      '2026-03-08T01:30:00-05:00',
    );
  });
  it('returns null for text that is no time', () => {
    for (const text of ['', 'hello', 'Reply', '25:99', 'March', '昨天', '2 bananas ago'])
      expect(parseRelativeTime(text, shanghai)).toBeNull();
  });
});

describe('parseAbsoluteTime', () => {
  const cases: Array<[string, string]> = [
    ['Tue, Mar 10, 2026, 9:12 AM', '2026-03-10T09:12:00+08:00'],
    ['Mon, Mar 9, 2026, 6:41 PM', '2026-03-09T18:41:00+08:00'],
    ['Mon, Mar 9, 10:14 AM', '2026-03-09T10:14:00+08:00'],
    ['Tue 3/10/2026 9:05 AM', '2026-03-10T09:05:00+08:00'],
    ['Mon 3/9/2026 12:00 PM', '2026-03-09T12:00:00+08:00'],
    ['March 9, 2026 at 12:05 AM', '2026-03-09T00:05:00+08:00'],
    ['March 4, 2026 at 11:00 AM', '2026-03-04T11:00:00+08:00'],
    ['Mar 9, 2026, 4:05 PM', '2026-03-09T16:05:00+08:00'],
    ['20 Aug 2025, 13:19', '2025-08-20T13:19:00+08:00'],
    ['2026-03-09 10:00', '2026-03-09T10:00:00+08:00'],
    ['2026/3/9 10:00:30', '2026-03-09T10:00:30+08:00'],
    ['2026/3/10 周二 8:52', '2026-03-10T08:52:00+08:00'],
    ['2026/3/9 下午 2:26', '2026-03-09T14:26:00+08:00'],
    ['2026年3月10日 上午9:12', '2026-03-10T09:12:00+08:00'],
    ['2026年3月9日 下午4:47', '2026-03-09T16:47:00+08:00'],
    ['2026年3月9日 星期一 18:41', '2026-03-09T18:41:00+08:00'],
    ['3月9日 晚上8:00', '2026-03-09T20:00:00+08:00'],
  ];
  it.each(cases)('%s', (text, iso) => {
    expect(parseAbsoluteTime(text, shanghai)).toBe(iso);
  });
  it('returns null for text that is no date-time', () => {
    for (const text of ['', 'Foo 9, 2026, 4:05 PM', '3 hours ago', '2026-13-40 10:00'])
      expect(parseAbsoluteTime(text, shanghai)).toBeNull();
  });
  it('parseTimeText takes either kind', () => {
    expect(parseTimeText('22 hours ago', shanghai)).toBe('2026-03-09T11:30:00+08:00');
    expect(parseTimeText('March 10, 2026 at 8:35 AM', shanghai)).toBe('2026-03-10T08:35:00+08:00');
  });
});
