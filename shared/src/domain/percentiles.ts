import type { ResponseBucket, ResponseStats } from '../schemas/metrics';
import { classifyWait } from './on-time';
import type { Wait } from './pairing';

const H = 3_600_000;

/**
 * Nearest-rank percentile of values sorted ascending: the value at 1-based rank ⌈p/100 × n⌉ (rank at least 1).
 * Always one of the values, never interpolated. Null for an empty list.
 *
 * @param p percentile, 0–100
 */
export function percentileNearestRank(sortedAsc: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const n = sortedAsc.length;
  if (n === 0) return null;
  // p × n first: (p / 100) × n can land a hair above an integer (0.7 × 10 = 7.000000000000001).
  const rank = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
  return sortedAsc[rank - 1]!;
}

/** Response-time bucket: < 1 h, [1 h, 4 h), [4 h, 24 h), [24 h, 72 h), ≥ 72 h. */
export function responseBucket(ms: number): ResponseBucket {
  if (ms < 1 * H) return 'lt1h';
  if (ms < 4 * H) return '1to4h';
  if (ms < 24 * H) return '4to24h';
  if (ms < 72 * H) return '24to72h';
  return 'gt72h';
}

/** A zero count for every bucket. */
export function emptyBuckets(): Record<ResponseBucket, number> {
  return { lt1h: 0, '1to4h': 0, '4to24h': 0, '24to72h': 0, gt72h: 0 };
}

/** What response figures read of a wait. */
export type WaitFigures = Pick<Wait, 'replyAtMs' | 'closedAtMs' | 'deadlineMs' | 'responseMs' | 'responseWorkMs'>;

/**
 * Response figures built one wait at a time, keeping only the response times of answered waits: for callers that
 * read waits page by page (a long period of a large org) and must not hold them all. Same figures as
 * {@link summarizeWaits} over the same waits.
 */
export class ResponseStatsAccumulator {
  readonly #options: { basis: 'working' | 'calendar'; asOfMs: number };
  readonly #times: number[] = [];
  readonly #buckets = emptyBuckets();
  #waits = 0;
  #onTime = 0;
  #late = 0;
  #pending = 0;
  #closed = 0;

  constructor(options: { basis: 'working' | 'calendar'; asOfMs: number }) {
    this.#options = options;
  }

  add(w: WaitFigures): void {
    this.#waits++;
    const status = classifyWait(w, this.#options.asOfMs);
    if (status === 'on_time') this.#onTime++;
    else if (status === 'late') this.#late++;
    else if (status === 'pending') this.#pending++;
    else this.#closed++;
    if (w.replyAtMs === null || w.replyAtMs > this.#options.asOfMs) return;
    const ms = this.#options.basis === 'working' ? w.responseWorkMs : w.responseMs;
    if (ms === null) return;
    this.#times.push(ms);
    this.#buckets[responseBucket(ms)]++;
  }

  result(): ResponseStats {
    // A typed array sorts numbers natively: 7-8 times faster than a comparator over a large org's 90,000 waits.
    const times = Float64Array.from(this.#times).sort();
    let sum = 0;
    for (const t of times) sum += t;
    return {
      waits: this.#waits,
      answered: times.length,
      meanMs: times.length ? sum / times.length : null,
      medianMs: percentileNearestRank(times, 50),
      p90Ms: percentileNearestRank(times, 90),
      buckets: { ...this.#buckets },
      onTime: this.#onTime,
      late: this.#late,
      pending: this.#pending,
      closed: this.#closed,
      onTimeRate: this.#onTime + this.#late > 0 ? this.#onTime / (this.#onTime + this.#late) : null,
    };
  }
}

/**
 * Response figures over a set of waits (the caller picks the waits, e.g. those starting in the period).
 * Statuses come from {@link classifyWait} as of `asOfMs`. Mean, median (nearest-rank p50), p90 and buckets are
 * over answered waits (replied by `asOfMs`) on the chosen basis (`working` = responseWorkMs, `calendar` =
 * responseMs). `onTimeRate` = onTime ÷ (onTime + late), null when no wait has been decided.
 */
export function summarizeWaits(
  waits: readonly WaitFigures[],
  options: { basis: 'working' | 'calendar'; asOfMs: number },
): ResponseStats {
  const acc = new ResponseStatsAccumulator(options);
  for (const w of waits) acc.add(w);
  return acc.result();
}
