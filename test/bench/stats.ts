import { percentileNearestRank } from '@comms-log/shared';

export interface LatencyStats {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** p50/p95 (nearest rank, as the product's own figures) of `samples` in ms. */
export function latencyStats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50Ms: round(percentileNearestRank(sorted, 50) ?? NaN),
    p95Ms: round(percentileNearestRank(sorted, 95) ?? NaN),
    minMs: round(sorted[0] ?? NaN),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Time `fn` `runs` times, one after another, after `warmup` untimed calls. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmup = 2): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return latencyStats(samples);
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms);
