import { describe, expect, it } from 'vitest';
import {
  type CoverageItem,
  clarificationTime,
  coverageTally,
  negativeClarifiedRate,
  positiveShare,
} from './media-coverage';

const H = 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
const item = (over: Partial<CoverageItem>): CoverageItem => ({
  outletStakeholderId: 'xinhua',
  tone: 'positive',
  publishedAtMs: at('2026-03-10T09:00'),
  ...over,
});

const items = [
  item({ reach: 1000, eventTag: 'launch' }),
  item({ outletStakeholderId: 'caixin', reach: 500, eventTag: 'launch' }),
  item({ tone: 'neutral', reach: 200 }),
  item({ tone: 'negative', outletStakeholderId: 'caixin', clarifiedAtMs: at('2026-03-10T15:00') }),
  item({ tone: 'negative', publishedAtMs: at('2026-03-11T09:00'), clarifiedAtMs: at('2026-03-12T09:00') }),
  item({ tone: 'negative', publishedAtMs: at('2026-03-12T09:00'), eventTag: 'incident' }),
  item({ tone: null, reach: 50 }),
];

describe('positiveShare', () => {
  it('is positive ÷ reports with a tone', () => {
    // Six reports are judged; two are positive.
    expect(positiveShare(items)).toEqual({ value: 2 / 6, numerator: 2, denominator: 6 });
  });

  it('is null when no report has a tone', () => {
    expect(positiveShare([item({ tone: null })])).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(positiveShare([])).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});

describe('negativeClarifiedRate', () => {
  it('is negative reports clarified ÷ negative reports', () => {
    expect(negativeClarifiedRate(items)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });

  it('counts only clarifications made by the given instant', () => {
    expect(negativeClarifiedRate(items, at('2026-03-11T00:00')).numerator).toBe(1);
  });

  it('is null without negative reports', () => {
    expect(negativeClarifiedRate(items.slice(0, 3))).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});

describe('coverageTally', () => {
  it('counts reports and sums the reach that is known, per outlet', () => {
    expect(coverageTally(items, 'outlet')).toEqual([
      { key: 'xinhua', value: { items: 5, reach: 1250, withReach: 3 } },
      { key: 'caixin', value: { items: 2, reach: 500, withReach: 1 } },
    ]);
  });

  it('per tone and per event, null for none', () => {
    expect(coverageTally(items, 'tone').map((g) => [g.key, g.value.items, g.value.reach])).toEqual([
      ['positive', 2, 1500],
      ['neutral', 1, 200],
      ['negative', 3, 0],
      [null, 1, 50],
    ]);
    expect(coverageTally(items, 'event').map((g) => [g.key, g.value.items])).toEqual([
      ['launch', 2],
      [null, 4],
      ['incident', 1],
    ]);
  });
});

describe('clarificationTime', () => {
  it('is the median calendar time from a negative report to its clarification', () => {
    // 6 h and 24 h: nearest-rank median of two is the first.
    expect(clarificationTime(items)).toEqual({ medianMs: 6 * H, n: 2 });
    const three = [...items, item({ tone: 'negative', clarifiedAtMs: at('2026-03-10T19:00') })];
    expect(clarificationTime(three)).toEqual({ medianMs: 10 * H, n: 3 });
  });

  it('is null when no negative report was clarified', () => {
    expect(clarificationTime(items.slice(0, 3))).toEqual({ medianMs: null, n: 0 });
  });
});
