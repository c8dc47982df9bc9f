import type { StoredError } from '../api/error';

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

/** The status before the first sync. */
export function idleSyncStatus(): SyncStatus {
  return {
    state: 'idle',
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    failures: 0,
    pending: 0,
    rejected: 0,
  };
}
