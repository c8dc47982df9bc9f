import { describe, expect, it } from 'vitest';
import type { MediaCoverage } from '@comms-log/shared';
import { coverageFigures, toneSeries, toneUnit } from './coverage-figures';

let n = 0;
const report = (more: Partial<MediaCoverage>): MediaCoverage => ({
  id: `C${++n}`,
  outletStakeholderId: 'daily',
  title: 'A report',
  url: 'https://news.example/a',
  publishedAt: '2026-03-02T02:00:00Z',
  tone: 'positive',
  reach: null,
  eventTag: null,
  clarifiedAt: null,
  userId: 'u1',
  createdAt: '2026-03-02T02:00:00Z',
  updatedAt: '2026-03-02T02:00:00Z',
  ...more,
});

describe('coverageFigures', () => {
  it('gives the shares, the clarification and the tallies, hand-computed', () => {
    const reports = [
      report({ tone: 'positive', reach: 1000, eventTag: 'launch' }),
      report({ tone: 'positive', outletStakeholderId: 'weekly', eventTag: 'launch' }),
      report({ tone: 'neutral', reach: 500 }),
      report({ tone: 'negative', clarifiedAt: '2026-03-03T02:00:00Z' }),
      report({ tone: 'negative' }),
      report({ tone: null }),
    ];
    const f = coverageFigures(reports, Date.parse('2026-03-31T00:00:00Z'));
    // 2 positive of 5 with a tone; 1 of 2 negative clarified, after 24 h.
    expect(f.positive).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(f.clarified).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(f.clarification).toEqual({ medianMs: 86_400_000, n: 1 });
    expect([f.items, f.reach]).toEqual([6, 1500]);
    expect(f.byOutlet.map((g) => [g.key, g.value.items])).toEqual([
      ['daily', 5],
      ['weekly', 1],
    ]);
    expect(f.byEvent[0]).toEqual({ key: null, value: { items: 4, reach: 500, withReach: 1 } });
  });

  it('counts a clarification only once it has happened', () => {
    const reports = [report({ tone: 'negative', clarifiedAt: '2026-03-10T00:00:00Z' })];
    expect(coverageFigures(reports, Date.parse('2026-03-05T00:00:00Z')).clarified.value).toBe(0);
  });
});

describe('toneSeries', () => {
  it('counts reports per tone and week in the zone, oldest first', () => {
    const rows = toneSeries(
      [
        report({ publishedAt: '2026-03-09T01:00:00Z', tone: 'negative' }),
        // Sunday 23:30 UTC is Monday in Shanghai: the next week.
        report({ publishedAt: '2026-03-08T23:30:00Z', tone: null }),
        report({ publishedAt: '2026-03-03T01:00:00Z' }),
      ],
      'week',
      'Asia/Shanghai',
    );
    expect(rows).toEqual([
      { bar: '2026-03-02', positive: 1, neutral: 0, negative: 0, none: 0 },
      { bar: '2026-03-09', positive: 0, neutral: 0, negative: 1, none: 1 },
    ]);
  });

  it('picks days, weeks or months by the period’s length', () => {
    expect(toneUnit({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' })).toBe('day');
    expect(toneUnit({ from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).toBe('week');
    expect(toneUnit({ from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' })).toBe('month');
  });
});
