import type { PullResult, PushItem, PushResult, Stakeholder, StakeholderInput } from '@comms-log/shared';
import { toApiError } from '../api/error';

/**
 * Items per `sync.push`: the server's MAX_PUSH_ITEMS (shared/src/schemas/sync.ts). Repeated here so the
 * background does not bundle the zod schemas for one number; a test checks they agree.
 */
export const PUSH_BATCH_SIZE = 500;

/** A stakeholder created while logging, waiting for the server to give it an id. */
export type PendingStakeholder = { localId: string; input: StakeholderInput };

/** Where the outbox and the local copy live (Dexie in the extension, an in-memory fake in tests). */
export interface SyncStore {
  /** Before anything is sent: makes the local copy the signed-in user's (sync/own-copy.ts). */
  claim?(): Promise<void>;
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

/** Stakeholders first: the items that name them are held until they have a server id. */
async function createStakeholders(store: SyncStore, transport: SyncTransport): Promise<void> {
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

async function pushAll(store: SyncStore, transport: SyncTransport): Promise<{ pushed: number; rejected: number }> {
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

async function pullAll(store: SyncStore, transport: SyncTransport, pullLimit: number): Promise<number> {
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

/** One sync: stakeholders to create, then the outbox up, then the server's changes down. Throws an ApiError. */
export async function syncPasses(
  store: SyncStore,
  transport: SyncTransport,
  pullLimit: number,
): Promise<{ pushed: number; rejected: number; pulled: number }> {
  await store.claim?.();
  await createStakeholders(store, transport);
  const { pushed, rejected } = await pushAll(store, transport);
  const pulled = await pullAll(store, transport, pullLimit);
  return { pushed, rejected, pulled };
}
