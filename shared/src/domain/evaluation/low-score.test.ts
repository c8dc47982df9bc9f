import { describe, expect, it } from 'vitest';
import { csatOnFivePoints, DEFAULT_LOW_SCORE, isLowScore } from './low-score';

describe('csatOnFivePoints', () => {
  it('keeps a 5-point score and maps other scales linearly onto 1–5', () => {
    expect(csatOnFivePoints(2)).toBe(2);
    expect(csatOnFivePoints(2, 5)).toBe(2);
    expect(csatOnFivePoints(1, 7)).toBe(1);
    expect(csatOnFivePoints(7, 7)).toBe(5);
    expect(csatOnFivePoints(3, 7)).toBeCloseTo(1 + (2 * 4) / 6);
    expect(csatOnFivePoints(2, 3)).toBe(3);
  });
});

describe('isLowScore', () => {
  const t = DEFAULT_LOW_SCORE;

  it('is at or below the threshold of its instrument', () => {
    expect(isLowScore({ instrument: 'csat', score: 2 }, t)).toBe(true);
    expect(isLowScore({ instrument: 'csat', score: 3 }, t)).toBe(false);
    expect(isLowScore({ instrument: 'nps', score: 6 }, t)).toBe(true);
    expect(isLowScore({ instrument: 'nps', score: 7 }, t)).toBe(false);
    expect(isLowScore({ instrument: 'score100', score: 60 }, t)).toBe(true);
    expect(isLowScore({ instrument: 'score100', score: 60.5 }, t)).toBe(false);
  });

  it('compares CSAT of another scale on the 5-point scale', () => {
    // 3 of 7 ≈ 2.33 of 5: above 2. 2 of 7 ≈ 1.67 of 5: low.
    expect(isLowScore({ instrument: 'csat', score: 3, scale: 7 }, t)).toBe(false);
    expect(isLowScore({ instrument: 'csat', score: 2, scale: 7 }, t)).toBe(true);
    // 2 of 3 is 3 of 5.
    expect(isLowScore({ instrument: 'csat', score: 2, scale: 3 }, { ...t, csat: 3 })).toBe(true);
  });
});
