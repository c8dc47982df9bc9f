import { describe, expect, it } from 'vitest';
import { percentileNearestRank } from '@comms-log/shared';
import { nearestRankPercentiles } from './nearest-rank';

/*
 * Percentiles found by selection must be the values the sorted list holds at the nearest rank, whatever the order
 * and however many values repeat (a rank inside a run of equal times, the orders that make a naive pivot slow).
 */

/** A deterministic PRNG (mulberry32), so a failure names its case. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lists(): [string, number[]][] {
  const r = rng(7);
  const out: [string, number[]][] = [];
  for (const n of [1, 2, 3, 10, 101, 1000, 5000]) {
    const random = Array.from({ length: n }, () => Math.floor(r() * 1e9));
    const fewValues = Array.from({ length: n }, () => Math.floor(r() * 4) * 3_600_000);
    const ascending = [...random].sort((a, b) => a - b);
    const organPipe = [
      ...ascending.filter((_, k) => k % 2 === 0),
      ...ascending.filter((_, k) => k % 2 === 1).reverse(),
    ];
    out.push(
      [`random ${n}`, random],
      [`four values ${n}`, fewValues],
      [`ascending ${n}`, ascending],
      [`descending ${n}`, [...ascending].reverse()],
      [`organ pipe ${n}`, organPipe],
      [`all equal ${n}`, Array.from({ length: n }, () => 42)],
    );
  }
  return out;
}

describe('nearest-rank percentiles by selection', () => {
  it('are the sorted list’s values at the nearest ranks', () => {
    for (const [name, values] of lists()) {
      const sorted = Float64Array.from(values).sort();
      for (const ps of [[50, 90], [0, 100], [1, 50, 99], [90]]) {
        const a = new Float64Array(values.length + 3);
        a.set(values);
        const want = ps.map((p) => percentileNearestRank(sorted, p));
        expect([name, nearestRankPercentiles(a, values.length, ps)]).toEqual([name, want]);
      }
    }
  });

  it('are null for no values', () => {
    expect(nearestRankPercentiles(new Float64Array(4), 0, [50, 90])).toEqual([null, null]);
  });
});
