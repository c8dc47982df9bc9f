import { emptyBuckets, responseBucket, responseBuckets, type ResponseStats } from '@comms-log/shared';
import { UndecodableWaits } from '../../db/queries/wait-codes-decode';
import { nearestRankPercentiles } from './nearest-rank';

/*
 * Response figures folded from the waits' codes (db/queries/wait-codes.ts): the same figures as the shared
 * `ResponseStatsAccumulator` over the same waits, whose status and answered time SQL has already worked out.
 */

export class WaitTally {
  #waits = 0;
  /** On time, late, pending, closed: the codes' statuses. */
  readonly #statuses = [0, 0, 0, 0];
  readonly #buckets = emptyBuckets();
  #times = new Float64Array(256);
  #answered = 0;
  #sum = 0;

  /** A wait of status 0 on time, 1 late, 2 pending, 3 closed, answered in `ms` (−1: not answered by `asOf`). */
  add(status: number, ms: number): void {
    this.#waits++;
    this.#statuses[status]!++;
    if (ms < 0) return;
    if (this.#answered === this.#times.length) {
      const grown = new Float64Array(this.#times.length * 2);
      grown.set(this.#times);
      this.#times = grown;
    }
    this.#times[this.#answered++] = ms;
    this.#sum += ms;
    this.#buckets[responseBucket(ms)]++;
  }

  /** The tally of these groups' waits together (each wait in one group): a total without adding each wait twice. */
  static merged(parts: readonly WaitTally[]): WaitTally {
    const all = new WaitTally();
    all.#times = new Float64Array(
      Math.max(
        1,
        parts.reduce((n, t) => n + t.#answered, 0),
      ),
    );
    for (const t of parts) {
      all.#waits += t.#waits;
      t.#statuses.forEach((n, k) => {
        all.#statuses[k]! += n;
      });
      for (const b of responseBuckets) all.#buckets[b] += t.#buckets[b];
      all.#times.set(t.#times.subarray(0, t.#answered), all.#answered);
      all.#answered += t.#answered;
      all.#sum += t.#sum;
    }
    return all;
  }

  result(): ResponseStats {
    // Whole ms summed below 2^53 are exact in any order: the accumulator's sum over the sorted times.
    if (this.#sum > Number.MAX_SAFE_INTEGER) throw new UndecodableWaits();
    const n = this.#answered;
    const [median = null, p90 = null] = nearestRankPercentiles(this.#times, n, [50, 90]);
    const [onTime, late, pending, closed] = this.#statuses as [number, number, number, number];
    return {
      waits: this.#waits,
      answered: n,
      meanMs: n ? this.#sum / n : null,
      medianMs: median,
      p90Ms: p90,
      buckets: { ...this.#buckets },
      onTime,
      late,
      pending,
      closed,
      onTimeRate: onTime + late > 0 ? onTime / (onTime + late) : null,
    };
  }
}
