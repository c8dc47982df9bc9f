import { describe, expect, it } from 'vitest';
import { findDisplayCount, parseDisplayCount } from './display-count';

describe('parseDisplayCount', () => {
  it.each([
    ['0', 0],
    ['18', 18],
    ['3,456', 3456],
    ['1,234,567', 1234567],
    ['3，456', 3456],
    ['1.2万', 12000],
    ['12万', 120000],
    ['10万+', 100000],
    ['100万+', 1000000],
    ['1.2w', 12000],
    ['3.4W', 34000],
    ['3.5亿', 350000000],
    ['1亿+', 100000000],
    ['8k', 8000],
    ['2.5K', 2500],
    [' 1.25万 ', 12500],
    ['1.2 万', 12000],
  ])('%s is %d', (text, expected) => {
    expect(parseDisplayCount(text)).toBe(expected);
  });

  it.each([[''], ['转发'], ['赞'], ['—'], ['-3'], ['1.2万阅读'], ['abc 12'], ['1.2.3']])(
    '%j is not a count',
    (text) => {
      expect(parseDisplayCount(text)).toBeNull();
    },
  );
});

describe('findDisplayCount', () => {
  it('reads the first count among words', () => {
    expect(findDisplayCount('转发 18')).toBe(18);
    expect(findDisplayCount('阅读 1.2万')).toBe(12000);
    expect(findDisplayCount('3.4万粉丝')).toBe(34000);
    expect(findDisplayCount('10万+ reads')).toBe(100000);
    expect(findDisplayCount('Followers 3,456')).toBe(3456);
  });

  it('is null when the text holds no number (a zero count Weibo prints as its label)', () => {
    expect(findDisplayCount('转发')).toBeNull();
    expect(findDisplayCount('')).toBeNull();
  });
});
