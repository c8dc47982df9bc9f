/*
 * Nearest-rank percentiles (docs/metrics.md "Percentiles and buckets") without sorting: the value at a rank is found
 * by selection, in time linear in the count, and is the same value the sorted list holds at that rank.
 */

/** The 1-based nearest rank of percentile `p` among `n` values, as `percentileNearestRank` takes it. */
export const nearestRank = (n: number, p: number): number => Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

function medianOfThree(a: Float64Array, lo: number, hi: number): number {
  const x = a[lo]!;
  const y = a[(lo + hi) >>> 1]!;
  const z = a[hi]!;
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}

/**
 * The value at 0-based index `k` of `a[lo..hi]` once sorted, moving the values so that those before `k` are not
 * greater and those after not smaller. Each round splits the range in three around a pivot (equal values end a
 * round at once); a range that does not shrink fast enough is sorted instead, so the time stays O(n log n) at worst.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 4;
  while (hi > lo) {
    if (rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return a[k]!;
    }
    const pivot = medianOfThree(a, lo, hi);
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) swap(a, lt++, i++);
      else if (v > pivot) swap(a, i, gt--);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k]!;
}

/**
 * The nearest-rank percentiles `ps` (ascending) of the first `n` values of `a`, which it reorders; null each when
 * `n` is 0.
 */
export function nearestRankPercentiles(a: Float64Array, n: number, ps: readonly number[]): (number | null)[] {
  let lo = 0;
  return ps.map((p) => {
    if (n === 0) return null;
    const k = nearestRank(n, p) - 1;
    // Values before the last rank found are not greater than it: a higher rank lies at or after it.
    const value = selectInPlace(a, lo, n - 1, k);
    lo = k;
    return value;
  });
}
