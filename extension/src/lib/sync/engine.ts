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
  /**
   * Another user signed in, or nobody is: the last sync, its error and the backoff were the previous user's, so they
   * go, and a sync running meanwhile reports nothing of its own (docs/sync.md "Outbox first").
   */
  forgetStatus(): Promise<void>;
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
  /** Counts user changes: a run that started before one leaves the new user's status alone. */
  let generation = 0;

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
    const started = generation;
    try {
      const counts = await syncPasses(store, transport, pullLimit);
      const lastSyncAt = new Date(clock.now()).toISOString();
      status.state = 'idle';
      if (started === generation) Object.assign(status, { failures: 0, lastError: null, lastSyncAt });
      return { ok: true, ...counts };
    } catch (err) {
      if (started !== generation) {
        status.state = 'idle';
        return { ok: false, error: toStoredError(err) };
      }
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

  async function forgetStatus(): Promise<void> {
    generation += 1;
    clearRetry();
    Object.assign(status, { lastSyncAt: null, lastError: null, failures: 0, state: inFlight ? 'syncing' : 'idle' });
    await refreshCounts();
  }

  return {
    sync,
    status: () => ({ ...status }),
    refreshCounts,
    forgetStatus,
    dispose() {
      disposed = true;
      clearRetry();
    },
  };
}
