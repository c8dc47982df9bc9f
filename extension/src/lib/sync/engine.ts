import type { PullResult, PushItem, PushResult, Stakeholder, StakeholderInput } from '@comms-log/shared';
import { ApiError, toApiError, toStoredError, type StoredError } from '../api/error';

/**
 * Items per `sync.push`: the server's MAX_PUSH_ITEMS (shared/src/schemas/sync.ts). Repeated here so the
 * background does not bundle the zod schemas for one number; a test checks they agree.
 */
export const PUSH_BATCH_SIZE = 500;

/** A stakeholder created while logging, waiting for the server to give it an id. */
export type PendingStakeholder = { localId: string; input: StakeholderInput };

/** Where the outbox and the local copy live (Dexie in the extension, an in-memory fake in tests). */
export interface SyncStore {
  pendingStakeholders(): Promise<PendingStakeholder[]>;
  /** The server created it: cache it and point every queued item that used the local id at the real one. */
  resolveStakeholder(localId: string, stakeholder: Stakeholder): Promise<void>;
  /** The server refused it: items that named it are rejected with the reason. */
  rejectStakeholder(localId: string, reason: string): Promise<void>;
  /** Up to `limit` pending items, oldest first, none naming a stakeholder still to be created. */
  pendingPush(limit: number): Promise<PushItem[]>;
  applyPushResult(sent: readonly PushItem[], result: PushResult): Promise<void>;
  getCursor(): Promise<number>;
  /** Stores one page of changes and its cursor together, so a crash never skips or repeats a page. */
  applyPull(page: PullResult): Promise<void>;
  counts(): Promise<{ pending: number; rejected: number }>;
}

export interface SyncTransport {
  push(items: PushItem[]): Promise<PushResult>;
  pull(cursor: number, limit: number): Promise<PullResult>;
  createStakeholder(input: StakeholderInput): Promise<Stakeholder>;
}

export interface SyncClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** In [0, 1): the jitter. */
  random(): number;
}

export type SyncStatus = {
  state: 'idle' | 'syncing' | 'backoff';
  /** Last sync that completed (ISO), null before the first. */
  lastSyncAt: string | null;
  lastError: StoredError | null;
  /** When the next automatic retry runs (ISO), while backing off. */
  nextRetryAt: string | null;
  failures: number;
  pending: number;
  rejected: number;
};

export type SyncOutcome =
  | { ok: true; pushed: number; rejected: number; pulled: number }
  | { ok: false; error: StoredError };

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

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so many browsers that lost
 * the same server do not come back in step, yet none retries immediately.
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (exp / 2) * random);
}

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
  const baseDelayMs = options.baseDelayMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const pullLimit = options.pullLimit ?? 500;

  const status: SyncStatus = {
    state: 'idle',
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    failures: 0,
    pending: 0,
    rejected: 0,
  };
  let inFlight: Promise<SyncOutcome> | null = null;
  let again = false;
  let retryTimer: unknown = null;
  let disposed = false;

  const report = () => options.onStatus?.({ ...status });

  async function refreshCounts(): Promise<void> {
    const c = await store.counts();
    status.pending = c.pending;
    status.rejected = c.rejected;
    report();
  }

  async function createStakeholders(): Promise<void> {
    for (const { localId, input } of await store.pendingStakeholders()) {
      try {
        await store.resolveStakeholder(localId, await transport.createStakeholder(input));
      } catch (err) {
        const apiError = toApiError(err);
        if (!apiError.isPermanent) throw apiError;
        await store.rejectStakeholder(localId, apiError.detail || apiError.code);
      }
    }
  }

  async function pushAll(): Promise<{ pushed: number; rejected: number }> {
    let pushed = 0;
    let rejected = 0;
    for (;;) {
      const items = await store.pendingPush(PUSH_BATCH_SIZE);
      if (items.length === 0) break;
      const result = await transport.push(items);
      await store.applyPushResult(items, result);
      pushed += result.applied.length;
      rejected += result.rejected.length;
      // A server that answers for none of the items would keep us here forever.
      if (result.applied.length + result.rejected.length === 0) break;
    }
    return { pushed, rejected };
  }

  async function pullAll(): Promise<number> {
    let pulled = 0;
    let cursor = await store.getCursor();
    for (;;) {
      const page = await transport.pull(cursor, pullLimit);
      await store.applyPull(page);
      pulled += page.interactions.length + page.followups.length + page.stakeholders.length;
      // Stop if the server's cursor does not move: another page would be the same page.
      if (!page.hasMore || page.cursor <= cursor) break;
      cursor = page.cursor;
    }
    return pulled;
  }

  function scheduleRetry(): void {
    const delay = backoffDelay(status.failures, baseDelayMs, maxDelayMs, clock.random());
    status.state = 'backoff';
    status.nextRetryAt = new Date(clock.now() + delay).toISOString();
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void sync({ force: true });
    }, delay);
  }

  function clearRetry(): void {
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
    status.nextRetryAt = null;
  }

  async function runOnce(): Promise<SyncOutcome> {
    status.state = 'syncing';
    report();
    try {
      await createStakeholders();
      const { pushed, rejected } = await pushAll();
      const pulled = await pullAll();
      status.failures = 0;
      status.lastError = null;
      status.lastSyncAt = new Date(clock.now()).toISOString();
      status.state = 'idle';
      return { ok: true, pushed, rejected, pulled };
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
    if (!opts.force && retryTimer !== null) {
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
