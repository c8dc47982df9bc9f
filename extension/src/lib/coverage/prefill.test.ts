import { describe, expect, it } from 'vitest';
import { coveragePageQuery, parsePublishedTime, prefillFromPage, readPrefill } from './prefill';

/** The instant of a wall-clock time in the zone the tests run in (how a time without an offset is read). */
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s).toISOString();

describe('parsePublishedTime', () => {
  it('keeps the instant of a time with an offset or Z', () => {
    expect(parsePublishedTime('2026-03-12T08:30:00+08:00')).toBe('2026-03-12T00:30:00.000Z');
    expect(parsePublishedTime('2026-03-12T08:30:00.250-0500')).toBe('2026-03-12T13:30:00.000Z');
    expect(parsePublishedTime('2026-03-09T10:32:00Z')).toBe('2026-03-09T10:32:00.000Z');
    expect(parsePublishedTime('2026-03-12 08:30:00 +08:00')).toBe('2026-03-12T00:30:00.000Z');
  });

  it("reads a time without an offset on the reader's wall clock, and a date alone as its midnight", () => {
    expect(parsePublishedTime('2026-03-07 09:15:00')).toBe(local(2026, 3, 7, 9, 15));
    expect(parsePublishedTime('2026-03-08 14:05')).toBe(local(2026, 3, 8, 14, 5));
    expect(parsePublishedTime('2026/3/8')).toBe(local(2026, 3, 8));
    expect(parsePublishedTime('2026年3月12日 08:30')).toBe(local(2026, 3, 12, 8, 30));
  });

  it('reads the RFC 2822 form some feeds use', () => {
    expect(parsePublishedTime('Thu, 12 Mar 2026 08:30:00 +0800')).toBe('2026-03-12T00:30:00.000Z');
  });

  it('gives null for what is not a time or not on the calendar', () => {
    for (const raw of ['', 'yesterday', '3 hours ago', '2026-02-30', '2026-03-12 25:00', '12/03/2026']) {
      expect(parsePublishedTime(raw), raw).toBeNull();
    }
  });
});

describe('prefillFromPage', () => {
  const meta = { title: 'og title', publishedTime: '2026-03-12T08:30:00+08:00', siteName: '华东科技报' };

  it("prefers the page's meta to the tab's title", () => {
    expect(prefillFromPage({ url: 'https://news.example.cn/a.html', title: 'Tab title_Site' }, meta)).toEqual({
      title: 'og title',
      url: 'https://news.example.cn/a.html',
      publishedAt: '2026-03-12T00:30:00.000Z',
      siteName: '华东科技报',
    });
  });

  it("uses the tab's title when the page could not be read, and leaves the time for the form to ask", () => {
    expect(prefillFromPage({ url: 'https://a.example/x', title: ' Tab title ' }, null)).toEqual({
      title: 'Tab title',
      url: 'https://a.example/x',
      publishedAt: null,
      siteName: null,
    });
  });

  it('keeps only web links and titles the schema takes', () => {
    const p = prefillFromPage({ url: 'chrome://newtab/', title: 'x'.repeat(1200) }, null);
    expect(p.url).toBe('');
    expect(p.title).toHaveLength(1000);
  });
});

describe('the coverage page query', () => {
  it('carries the prefill to the page and back, Chinese and all', () => {
    const prefill = {
      title: '北风机器人发布新一代仓储机器人 & more',
      url: 'https://www.ectechdaily.cn/news/a.html?id=1&x=y#top',
      publishedAt: '2026-03-12T00:30:00.000Z',
      siteName: '华东科技报',
    };
    expect(readPrefill(`?${coveragePageQuery(prefill)}`)).toEqual(prefill);
  });

  it('reads a missing or unusable query as empty fields', () => {
    expect(readPrefill('?url=javascript:alert(1)&published=soon')).toEqual({
      title: '',
      url: '',
      publishedAt: null,
      siteName: null,
    });
  });
});
