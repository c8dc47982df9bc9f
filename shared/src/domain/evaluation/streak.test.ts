import { describe, expect, it } from 'vitest';
import { evaluateStreak, meetsTarget } from './streak';

describe('meetsTarget', () => {
  it('compares with the target, null without a value', () => {
    expect(meetsTarget(0.95, '>=', 0.95)).toBe(true);
    expect(meetsTarget(0.7, '>', 0.7)).toBe(false);
    expect(meetsTarget(0.71, '>', 0.7)).toBe(true);
    expect(meetsTarget(0.015, '<=', 0.015)).toBe(true);
    expect(meetsTarget(0.015, '<', 0.015)).toBe(false);
    expect(meetsTarget(null, '>=', 0.95)).toBeNull();
  });
});

describe('evaluateStreak', () => {
  it('is met when each of the last N periods met the target', () => {
    const quarters = [
      { period: '2025-Q4', value: 0.9 },
      { period: '2026-Q1', value: 0.95 },
      { period: '2026-Q2', value: 0.97 },
      { period: '2026-Q3', value: 0.99 },
    ];
    const r = evaluateStreak(quarters, 0.95, '>=', 3);
    expect(r.met).toBe(true);
    expect(r.run).toBe(3);
    expect(r.periods.map((p) => p.met)).toEqual([false, true, true, true]);
  });

  it('is not met when the middle quarter broke the streak', () => {
    const quarters = [
      { period: '2026-Q1', value: 0.96 },
      { period: '2026-Q2', value: 0.93 },
      { period: '2026-Q3', value: 0.97 },
    ];
    expect(evaluateStreak(quarters, 0.95, '>=', 3)).toEqual({
      met: false,
      run: 1,
      periods: [
        { period: '2026-Q1', value: 0.96, met: true },
        { period: '2026-Q2', value: 0.93, met: false },
        { period: '2026-Q3', value: 0.97, met: true },
      ],
    });
  });

  it('is not met with fewer periods than required, or a period without data', () => {
    expect(evaluateStreak([{ period: 'Q1', value: 1 }], 0.95, '>=', 3).met).toBe(false);
    const gap = [
      { period: 'Q1', value: 1 },
      { period: 'Q2', value: null },
      { period: 'Q3', value: 1 },
    ];
    const r = evaluateStreak(gap, 0.95, '>=', 2);
    expect(r.met).toBe(false);
    expect(r.periods[1]!.met).toBeNull();
    expect(evaluateStreak([], 0.95, '>=', 1)).toEqual({ met: false, run: 0, periods: [] });
  });

  it('rejects a streak length below 1', () => {
    expect(() => evaluateStreak([], 1, '>=', 0)).toThrow(RangeError);
    expect(() => evaluateStreak([], 1, '>=', 1.5)).toThrow(RangeError);
  });
});
