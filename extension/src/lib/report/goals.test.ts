import { describe, expect, it } from 'vitest';
import { expectedMoreWaits, goalTone, lateRepliesLeft, rateTone } from './goals';

describe('goal colours', () => {
  it('maps every status to its light', () => {
    expect(goalTone('met')).toBe('green');
    expect(goalTone('near')).toBe('amber');
    expect(goalTone('missed')).toBe('red');
    expect(goalTone('no_data')).toBe('grey');
  });
  it('colours a rate against its target with a 5% amber band', () => {
    expect(rateTone(0.98, 0.98)).toBe('green');
    expect(rateTone(0.94, 0.98)).toBe('amber');
    expect(rateTone(0.93, 0.98)).toBe('red');
    expect(rateTone(null, 0.98)).toBe('grey');
  });
});

describe('lateRepliesLeft', () => {
  it('allows 2% of the decided waits to be late for a 98% goal', () => {
    // 100 decided: 2 may be late; 1 already is.
    expect(lateRepliesLeft({ onTime: 95, late: 1, pending: 4 }, 0.98)).toEqual({ decided: 100, allowed: 2, left: 1 });
  });
  it('does not lose a whole reply to floating point (50 × 2% = 1)', () => {
    expect(lateRepliesLeft({ onTime: 50, late: 0, pending: 0 }, 0.98).allowed).toBe(1);
  });
  it('counts the waits still to come', () => {
    expect(lateRepliesLeft({ onTime: 49, late: 1, pending: 0 }, 0.98, 150)).toEqual({
      decided: 200,
      allowed: 4,
      left: 3,
    });
  });
  it('goes negative once the goal cannot be met', () => {
    const b = lateRepliesLeft({ onTime: 40, late: 5, pending: 5 }, 0.98);
    expect(b.left).toBe(-4);
    // Check against the definition: with 5 late of 50 the rate is 90%, below 98%.
    expect((b.decided - 5) / b.decided).toBeLessThan(0.98);
  });
  it('is exactly the largest late count that keeps the rate at the target', () => {
    for (let decided = 1; decided < 400; decided += 7) {
      const { allowed } = lateRepliesLeft({ onTime: decided, late: 0, pending: 0 }, 0.95);
      expect((decided - allowed) / decided).toBeGreaterThanOrEqual(0.95 - 1e-12);
      expect((decided - allowed - 1) / decided).toBeLessThan(0.95);
    }
  });
});

it('extrapolates the waits still to come from the pace so far', () => {
  const start = Date.parse('2026-03-01T00:00:00Z');
  const end = Date.parse('2026-04-01T00:00:00Z');
  // 10 days of 31 elapsed, 20 waits so far: 42 more at that pace.
  expect(expectedMoreWaits(20, start, end, start + 10 * 86_400_000)).toBe(42);
  expect(expectedMoreWaits(20, start, end, end + 1)).toBe(0);
  expect(expectedMoreWaits(20, start, end, start)).toBe(0);
});
