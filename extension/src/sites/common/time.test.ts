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
    ['3月9日 10:32', '2026-03-09T10:32:00+08:00'],
    ['26-3-9 10:32', '2026-03-09T10:32:00+08:00'],
    ['26-3-9 10:32 来自上海', '2026-03-09T10:32:00+08:00'],
    ['25-12-31 23:05', '2025-12-31T23:05:00+08:00'],
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

describe('parseTimeText in every UI language', () => {
  // A Wednesday, 2026-04-22 in Shanghai.
  const ctx = { now: new Date('2026-04-22T11:00:00+08:00'), timeZone: 'Asia/Shanghai' };
  const cases: Array<[string, string, string]> = [
    ['zh-CN', '2026年4月22日 上午10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026年4月22日上午10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026年4月21日 下午3:05', '2026-04-21T15:05:00+08:00'],
    ['zh-CN', '4月22日 周三 10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '4月22日 星期三 上午10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026/4/22 10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026/4/22 (周三) 10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026/4/22（周三）10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '周三 2026/4/22 10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2026-04-22 10:30:15', '2026-04-22T10:30:15+08:00'],
    ['zh-CN', '中午12:30', '2026-04-22T12:30:00+08:00'],
    ['zh-CN', '中午1:05', '2026-04-22T13:05:00+08:00'],
    ['zh-CN', '凌晨12:10', '2026-04-22T00:10:00+08:00'],
    ['zh-CN', '下午 14:05', '2026-04-22T14:05:00+08:00'],
    ['zh-CN', '3分钟前', '2026-04-22T10:57:00+08:00'],
    ['zh-CN', '约 2 小时前', '2026-04-22T09:00:00+08:00'],
    ['zh-CN', '半小时前', '2026-04-22T10:30:00+08:00'],
    ['zh-CN', '2周前', '2026-04-08T11:00:00+08:00'],
    ['zh-CN', '1个月前', '2026-03-22T11:00:00+08:00'],
    ['zh-CN', '1年前', '2025-04-22T11:00:00+08:00'],
    ['zh-CN', '昨天 14:05', '2026-04-21T14:05:00+08:00'],
    ['zh-CN', '昨天 下午2:05', '2026-04-21T14:05:00+08:00'],
    ['zh-CN', '今天 09:12', '2026-04-22T09:12:00+08:00'],
    ['zh-CN', '刚刚', '2026-04-22T11:00:00+08:00'],
    ['zh-TW', '2026年4月22日 週三 下午3:40', '2026-04-22T15:40:00+08:00'],
    ['zh-TW', '4月22日 星期三 上午10:30', '2026-04-22T10:30:00+08:00'],
    ['zh-TW', '3分鐘前', '2026-04-22T10:57:00+08:00'],
    ['zh-TW', '2 小時前', '2026-04-22T09:00:00+08:00'],
    ['zh-TW', '半小時前', '2026-04-22T10:30:00+08:00'],
    ['zh-TW', '3 週前', '2026-04-01T11:00:00+08:00'],
    ['zh-TW', '2個月前', '2026-02-22T11:00:00+08:00'],
    ['zh-TW', '昨天 下午4:05', '2026-04-21T16:05:00+08:00'],
    ['zh-TW', '剛剛', '2026-04-22T11:00:00+08:00'],
    ['ja', '2026年4月22日(水) 午前10:30', '2026-04-22T10:30:00+08:00'],
    ['ja', '2026年4月22日（水曜日） 午後3:40', '2026-04-22T15:40:00+08:00'],
    ['ja', '2026/04/22 13:05', '2026-04-22T13:05:00+08:00'],
    ['ja', '午後3:40', '2026-04-22T15:40:00+08:00'],
    ['ja', '5分前', '2026-04-22T10:55:00+08:00'],
    ['ja', '2時間前', '2026-04-22T09:00:00+08:00'],
    ['ja', '3日前', '2026-04-19T11:00:00+08:00'],
    ['ja', '1週間前', '2026-04-15T11:00:00+08:00'],
    ['ja', '2か月前', '2026-02-22T11:00:00+08:00'],
    ['ja', '昨日 14:05', '2026-04-21T14:05:00+08:00'],
    ['ja', '今日 9:12', '2026-04-22T09:12:00+08:00'],
    ['ja', 'たった今', '2026-04-22T11:00:00+08:00'],
    ['en', 'Apr 22, 2026, 10:30 AM', '2026-04-22T10:30:00+08:00'],
    ['en', 'Wed, Apr 22, 2026, 10:30 AM', '2026-04-22T10:30:00+08:00'],
    ['en', 'Wednesday, April 22, 2026 10:30 PM', '2026-04-22T22:30:00+08:00'],
    ['en', 'Apr 22, 2026, 10:30 a.m.', '2026-04-22T10:30:00+08:00'],
    ['en', 'Sept 9, 2025, 12:00 PM', '2025-09-09T12:00:00+08:00'],
    ['en', 'Apr 21, 12:00 AM', '2026-04-21T00:00:00+08:00'],
    ['en', '22 Apr 2026, 10:30', '2026-04-22T10:30:00+08:00'],
    ['en', '4/22/2026 10:30 AM', '2026-04-22T10:30:00+08:00'],
    ['en', '22 hours ago', '2026-04-21T13:00:00+08:00'],
    ['en', 'about 2 hours ago', '2026-04-22T09:00:00+08:00'],
    ['en', '5 mins ago', '2026-04-22T10:55:00+08:00'],
    ['en', '2 weeks ago', '2026-04-08T11:00:00+08:00'],
    ['en', 'a month ago', '2026-03-22T11:00:00+08:00'],
    ['en', 'yesterday at 4:05 PM', '2026-04-21T16:05:00+08:00'],
    ['en', 'Yesterday, 16:05', '2026-04-21T16:05:00+08:00'],
    ['en', 'Today 09:12', '2026-04-22T09:12:00+08:00'],
    ['en', 'Just now', '2026-04-22T11:00:00+08:00'],
    ['en', '10:30\u202fPM', '2026-04-22T22:30:00+08:00'],
  ];
  it.each(cases)('%s %s', (_lang, text, iso) => {
    expect(parseTimeText(text, ctx)).toBe(iso);
  });

  it('ends a month back on the last day of a shorter month', () => {
    const may31 = { now: new Date('2026-05-31T08:00:00+08:00'), timeZone: 'Asia/Shanghai' };
    expect(parseTimeText('1个月前', may31)).toBe('2026-04-30T08:00:00+08:00');
    expect(parseTimeText('3 months ago', may31)).toBe('2026-02-28T08:00:00+08:00');
  });

  it.each([
    ['上午14:00'],
    ['上午 10:30 AM'],
    ['2026年2月30日 10:00'],
    ['13月1日 10:00'],
    ['4月22日'],
    ['3 bananas ago'],
    ['3香蕉前'],
    ['来自 iPhone'],
    ['Reply'],
    ['回复'],
    ['24:00'],
  ])('%j is no time', (text) => {
    expect(parseTimeText(text, ctx)).toBeNull();
  });
});

describe('parseTimeText across a daylight-saving switch', () => {
  // New York: 2026-03-08 02:00 EST → 03:00 EDT, 2026-11-01 02:00 EDT → 01:00 EST.
  const ny = (now: string) => ({ now: new Date(now), timeZone: 'America/New_York' });
  const cases: Array<[string, string, string]> = [
    ['Mar 7, 2026, 11:00 PM', '2026-03-08T12:00:00-04:00', '2026-03-07T23:00:00-05:00'],
    ['Mar 8, 2026, 1:59 AM', '2026-03-08T12:00:00-04:00', '2026-03-08T01:59:00-05:00'],
    ['Mar 8, 2026, 3:00 AM', '2026-03-08T12:00:00-04:00', '2026-03-08T03:00:00-04:00'],
    // 02:30 never shows on the clock that night: moved forward by the hour skipped.
    ['2026/3/8 2:30', '2026-03-08T12:00:00-04:00', '2026-03-08T03:30:00-04:00'],
    // 01:30 shows twice when the clocks go back: the first one.
    ['2026年11月1日 上午1:30', '2026-11-01T12:00:00-05:00', '2026-11-01T01:30:00-04:00'],
    ['2026年11月1日 上午2:30', '2026-11-01T12:00:00-05:00', '2026-11-01T02:30:00-05:00'],
    // Hours ago are elapsed hours: 22 hours before noon EDT is 13:00 EST the day before.
    ['22 hours ago', '2026-03-08T12:00:00-04:00', '2026-03-07T13:00:00-05:00'],
    ['3 hours ago', '2026-03-08T04:30:00-04:00', '2026-03-08T00:30:00-05:00'],
    // Days ago keep the wall clock.
    ['1天前', '2026-03-08T12:00:00-04:00', '2026-03-07T12:00:00-05:00'],
    ['yesterday at 4:05 PM', '2026-03-09T09:00:00-04:00', '2026-03-08T16:05:00-04:00'],
    ['昨天 14:05', '2026-11-02T09:00:00-05:00', '2026-11-01T14:05:00-05:00'],
  ];
  it.each(cases)('%s (now %s)', (text, now, iso) => {
    expect(parseTimeText(text, ny(now))).toBe(iso);
  });

  it('reads the same text in the zone it is given', () => {
    const text = '2026/7/1 09:00';
    const now = new Date('2026-07-02T00:00:00Z');
    expect(parseTimeText(text, { now, timeZone: 'Asia/Shanghai' })).toBe('2026-07-01T09:00:00+08:00');
    expect(parseTimeText(text, { now, timeZone: 'Europe/London' })).toBe('2026-07-01T09:00:00+01:00');
    expect(parseTimeText(text, { now, timeZone: 'Asia/Kolkata' })).toBe('2026-07-01T09:00:00+05:30');
    expect(parseTimeText(text, { now, timeZone: 'UTC' })).toBe('2026-07-01T09:00:00+00:00');
  });

  it('resolves "today" in the zone, not on the machine clock', () => {
    // 23:30 UTC on the 21st is already the 22nd in Shanghai.
    const ctx = { now: new Date('2026-04-21T23:30:00Z'), timeZone: 'Asia/Shanghai' };
    expect(parseTimeText('今天 07:00', ctx)).toBe('2026-04-22T07:00:00+08:00');
    expect(parseTimeText('yesterday at 7:00 AM', ctx)).toBe('2026-04-21T07:00:00+08:00');
  });
});
