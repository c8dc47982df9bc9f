import { describe, expect, it } from 'vitest';
import { parseDateAttr, parseDateOnlyText } from './date-only';

const shanghai = { now: new Date('2026-03-10T09:30:00+08:00'), timeZone: 'Asia/Shanghai' };
const newYork = { now: new Date('2026-03-10T09:30:00-04:00'), timeZone: 'America/New_York' };

describe('parseDateOnlyText', () => {
  it.each([
    ['Mar 27, 2026', '2026-03-27T00:00:00+08:00'],
    ['March 27, 2026', '2026-03-27T00:00:00+08:00'],
    ['Fri, Mar 27, 2026', '2026-03-27T00:00:00+08:00'],
    ['Mar 27', '2026-03-27T00:00:00+08:00'],
    ['27 Mar 2026', '2026-03-27T00:00:00+08:00'],
    ['27/Mar/26', '2026-03-27T00:00:00+08:00'],
    ['2026-03-27', '2026-03-27T00:00:00+08:00'],
    ['2026/3/27', '2026-03-27T00:00:00+08:00'],
    ['2026年3月27日', '2026-03-27T00:00:00+08:00'],
    ['3月27日', '2026-03-27T00:00:00+08:00'],
    ['2026年3月27日 周五', '2026-03-27T00:00:00+08:00'],
    ['2026年3月27日 週五', '2026-03-27T00:00:00+08:00'],
    ['2026年3月27日(金)', '2026-03-27T00:00:00+08:00'],
    ['2026/3/27（周五）', '2026-03-27T00:00:00+08:00'],
  ])('%s is the start of that day in the zone', (text, expected) => {
    expect(parseDateOnlyText(text, shanghai)).toBe(expected);
  });

  it('takes the offset the zone has that day', () => {
    expect(parseDateOnlyText('Mar 7, 2026', newYork)).toBe('2026-03-07T00:00:00-05:00');
    expect(parseDateOnlyText('Mar 9, 2026', newYork)).toBe('2026-03-09T00:00:00-04:00');
  });

  it.each([['None'], ['无'], [''], ['Feb 30, 2026'], ['Mar 27, 2026 at 4:00 PM'], ['Smarch 3, 2026']])(
    '%j is not a date',
    (text) => {
      expect(parseDateOnlyText(text, shanghai)).toBeNull();
    },
  );
});

describe('parseDateAttr', () => {
  it('reads a bare day as the start of that day in the zone', () => {
    expect(parseDateAttr('2026-03-27', 'Asia/Shanghai')).toBe('2026-03-27T00:00:00+08:00');
  });

  it('reads an instant with an offset or Z in the zone', () => {
    expect(parseDateAttr('2026-03-10T16:12:00+08:00', 'Asia/Shanghai')).toBe('2026-03-10T16:12:00+08:00');
    expect(parseDateAttr('2026-03-10T08:12:00.000Z', 'Asia/Shanghai')).toBe('2026-03-10T16:12:00+08:00');
    expect(parseDateAttr('2026-03-10T16:12:00+0800', 'America/New_York')).toBe('2026-03-10T04:12:00-04:00');
    expect(parseDateAttr('1773130320000', 'Asia/Shanghai')).toBe('2026-03-10T16:12:00+08:00');
  });

  it.each([[null], [''], ['2026-03-10T16:12:00'], ['yesterday'], ['2026-02-30']])('%j is no date', (value) => {
    expect(parseDateAttr(value, 'Asia/Shanghai')).toBeNull();
  });
});
