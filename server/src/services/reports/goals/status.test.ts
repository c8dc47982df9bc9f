import { describe, expect, it } from 'vitest';
import { defaultPlan } from '@comms-log/shared';
import { goalStatus, periodTargetOf } from './status';

describe('goalStatus', () => {
  it('is met, near within 5% of the target, or missed, for each comparator', () => {
    expect(goalStatus(0.98, '>=', 0.98)).toBe('met');
    expect(goalStatus(0.94, '>=', 0.98)).toBe('near');
    expect(goalStatus(0.9, '>=', 0.98)).toBe('missed');
    // "More than 70%": exactly 70% is not met, but near.
    expect(goalStatus(0.7, '>', 0.7)).toBe('near');
    expect(goalStatus(0.71, '>', 0.7)).toBe('met');
    expect(goalStatus(0.6, '>', 0.7)).toBe('missed');
    expect(goalStatus(4, '<=', 4)).toBe('met');
    expect(goalStatus(4.2, '<=', 4)).toBe('near');
    expect(goalStatus(3, '<', 3)).toBe('near');
    expect(goalStatus(2.9, '<', 3)).toBe('met');
    expect(goalStatus(3.5, '<', 3)).toBe('missed');
    expect(goalStatus(null, '>', 0.7)).toBe('no_data');
  });

  it('measures "near" on the size of a negative target (an NPS of −10)', () => {
    expect(goalStatus(-10, '>=', -10)).toBe('met');
    expect(goalStatus(-10.4, '>=', -10)).toBe('near');
    expect(goalStatus(-11, '>=', -10)).toBe('missed');
  });
});

describe('periodTargetOf', () => {
  it('prorates counting goals, coverage items included, and keeps the others', () => {
    const goal = (metric: string) => defaultPlan.goals.find((g) => g.metric === metric)!;
    const week = 7 * 86_400_000;
    expect(periodTargetOf(goal('outbound_posts'), week)).toBeCloseTo((12 * 7) / (365.25 / 12), 9);
    expect(
      periodTargetOf({ ...goal('outbound_posts'), metric: 'coverage_items', period: 'week', target: 3 }, week),
    ).toBe(3);
    expect(periodTargetOf(goal('satisfaction_rate'), week)).toBe(0.9);
  });
});
