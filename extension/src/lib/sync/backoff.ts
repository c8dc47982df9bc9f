/** Time for the sync engine: the real clock and timers in the background, a fake in tests. */
export interface SyncClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** In [0, 1): the jitter. */
  random(): number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so many browsers that lost
 * the same server do not come back in step, yet none retries immediately.
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (exp / 2) * random);
}

/** The one retry a failing engine has scheduled. */
export type RetryTimer = {
  readonly scheduled: boolean;
  /** Schedules `retry` after the backoff for `failures` failures; returns when it will run (ISO). */
  schedule(failures: number, retry: () => void): string;
  cancel(): void;
};

export function createRetryTimer(clock: SyncClock, baseDelayMs: number, maxDelayMs: number): RetryTimer {
  let handle: unknown = null;
  return {
    get scheduled() {
      return handle !== null;
    },
    schedule(failures, retry) {
      const delay = backoffDelay(failures, baseDelayMs, maxDelayMs, clock.random());
      const at = new Date(clock.now() + delay).toISOString();
      handle = clock.setTimeout(() => {
        handle = null;
        retry();
      }, delay);
      return at;
    },
    cancel() {
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
    },
  };
}
