import { describe, expect, it } from 'vitest';
import { interactionRate, type OwnPostCounts } from './own-posts';

const at = (local: string) => Date.parse(`${local}+08:00`);
const march = { fromMs: at('2026-03-01T00:00'), toMs: at('2026-04-01T00:00') };
const post = (over: Partial<OwnPostCounts>): OwnPostCounts => ({
  reposts: 0,
  comments: 0,
  likes: 0,
  reads: null,
  followers: null,
  postedAtMs: at('2026-03-10T10:00'),
  ...over,
});

describe('interactionRate', () => {
  const withReads = [
    post({ reposts: 5, comments: 10, likes: 25, reads: 500, followers: 10_000 }),
    post({ reposts: 0, comments: 4, likes: 16, reads: 250, followers: 10_000 }),
    post({ reposts: 100, reads: 1000, postedAtMs: at('2026-02-28T10:00') }), // before the period
  ];

  it('is Σ (reposts + comments + likes) ÷ Σ reads over the period’s posts', () => {
    // (40 + 20) ÷ (500 + 250) = 0.08.
    expect(interactionRate(withReads, march)).toEqual({
      value: 60 / 750,
      engagements: 60,
      base: 'reads',
      denominator: 750,
      posts: 2,
      skipped: 0,
    });
  });

  it('divides by followers when asked', () => {
    expect(interactionRate(withReads, march, { base: 'followers' })).toMatchObject({
      value: 60 / 20_000,
      base: 'followers',
      denominator: 20_000,
    });
  });

  it('falls back to followers when a post lacks its reads, skipping posts without followers', () => {
    const readsMissing = [
      ...withReads,
      post({ likes: 30, reads: null, followers: 10_000 }),
      post({ likes: 7, comments: null, reads: null, followers: null }),
    ];
    expect(interactionRate(readsMissing, march)).toEqual({
      value: 90 / 30_000,
      engagements: 90,
      base: 'followers',
      denominator: 30_000,
      posts: 3,
      skipped: 1,
    });
  });

  it('is null for an empty period or a base of 0', () => {
    const april = { fromMs: at('2026-04-01T00:00'), toMs: at('2026-05-01T00:00') };
    expect(interactionRate(withReads, april)).toEqual({
      value: null,
      engagements: 0,
      base: 'reads',
      denominator: 0,
      posts: 0,
      skipped: 0,
    });
    expect(interactionRate([post({ likes: 3, reads: 0 })], march).value).toBeNull();
  });
});
