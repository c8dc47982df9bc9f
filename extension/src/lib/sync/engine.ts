import { ApiError, toStoredError } from '../api/error';
import { createRetryTimer, type SyncClock } from './backoff';
import { type SyncStore, type SyncTransport, syncPasses } from './passes';
import { idleSyncStatus, type SyncOutcome, type SyncStatus } from './status';

export type SyncEngineOptions = {
  store: SyncStore;
  transport: SyncTransport;
  clock: SyncClock;
  onStatus?: (status: SyncStatus) => void;
  /** First retry delay; doubles per failure up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pullLimit?: number;
};

export type SyncEngine = {
  /**
   * Runs a sync now unless one is running (then one more runs after it, to catch what was queued meanwhile).
   * While backing off, a non-forced request waits for the scheduled retry; `force` (the user's "Sync now",
   * the network coming back) runs at once.
   */
  sync(opts?: { force?: boolean }): Promise<SyncOutcome>;
  status(): SyncStatus;
  /** Recounts pending items (after something was queued) and reports the status. */
  refreshCounts(): Promise<void>;
  dispose(): void;
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, transport, clock } = options;
  const retry = createRetryTimer(clock, options.baseDelayMs ?? 5_000, options.maxDelayMs ?? 15 * 60_000);
  const pullLimit = options.pullLimit ?? 500;

  const status: SyncStatus = idleSyncStatus();
  let inFlight: Promise<SyncOutcome> | null = null;
  let again = false;
  let disposed = false;

  const report = () => options.onStatus?.({ ...status });

  async function refreshCounts(): Promise<void> {
    const c = await store.counts();
    status.pending = c.pending;
    status.rejected = c.rejected;
    report();
  }

  function scheduleRetry(): void {
    status.state = 'backoff';
    status.nextRetryAt = retry.schedule(status.failures, () => void sync({ force: true }));
  }

  function clearRetry(): void {
    retry.cancel();
    status.nextRetryAt = null;
  }

  async function runOnce(): Promise<SyncOutcome> {
    status.state = 'syncing';
    report();
    try {
      const counts = await syncPasses(store, transport, pullLimit);
      const lastSyncAt = new Date(clock.now()).toISOString();
      Object.assign(status, { failures: 0, lastError: null, lastSyncAt, state: 'idle' } satisfies Partial<SyncStatus>);
      return { ok: true, ...counts };
    } catch (err) {
      status.failures += 1;
      status.lastError = toStoredError(err);
      if (!disposed) scheduleRetry();
      return { ok: false, error: status.lastError };
    } finally {
      await refreshCounts().catch(() => report());
    }
  }

  function sync(opts: { force?: boolean } = {}): Promise<SyncOutcome> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    if (!opts.force && retry.scheduled) {
      return Promise.resolve({ ok: false, error: status.lastError ?? toStoredError(new ApiError('unknown')) });
    }
    clearRetry();
    inFlight = (async () => {
      let outcome = await runOnce();
      while (again && outcome.ok) {
        again = false;
        outcome = await runOnce();
      }
      again = false;
      return outcome;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    sync,
    status: () => ({ ...status }),
    refreshCounts,
    dispose() {
      disposed = true;
      clearRetry();
    },
  };
}
