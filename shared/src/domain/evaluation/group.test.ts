import { describe, expect, it } from 'vitest';
import { groupThenApply } from './group';
import { inPeriod } from './period';
import { mean, ratio } from './ratio';

describe('groupThenApply', () => {
  it('groups by key in first-seen order, null as a key of its own, then applies', () => {
    const items = [
      { k: 'b', v: 1 },
      { k: null, v: 2 },
      { k: 'a', v: 3 },
      { k: 'b', v: 4 },
    ];
    expect(
      groupThenApply(
        items,
        (i) => i.k,
        (g, key) => `${key}:${g.map((i) => i.v).join('+')}`,
      ),
    ).toEqual([
      { key: 'b', value: 'b:1+4' },
      { key: null, value: 'null:2' },
      { key: 'a', value: 'a:3' },
    ]);
    expect(
      groupThenApply(
        [],
        (i) => i,
        (g) => g.length,
      ),
    ).toEqual([]);
  });
});

describe('ratio, mean and inPeriod', () => {
  it('are null without data, never NaN', () => {
    expect(ratio(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(ratio(1, 4)).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(mean([])).toEqual({ value: null, n: 0 });
    expect(mean([1, 2, 6])).toEqual({ value: 3, n: 3 });
  });

  it('includes the start of a period and excludes its end', () => {
    expect(inPeriod(10, { fromMs: 10, toMs: 20 })).toBe(true);
    expect(inPeriod(20, { fromMs: 10, toMs: 20 })).toBe(false);
  });
});
