import { pullResultSchema, type PushItem, type PushResult } from '@comms-log/shared';
import { backoffDelay } from '../../extension/src/lib/sync/backoff';
import { PUSH_BATCH_SIZE } from '../../extension/src/lib/sync/passes';
import { createRng } from '../../server/src/demo/seeded-random';
import { trpcClient } from '../bench/client';

/** The extension engine's default page size. */
const PULL_LIMIT = 500;

export interface ClientCounts {
  /** Push requests sent, answered or not. */
  pushes: number;
  /** Pull requests sent, answered or not. */
  pulls: number;
  /** Syncs that failed (a push or a pull without an answer) and were retried after the backoff. */
  retries: number;
  /** Why syncs failed: the HTTP status, or "no answer" (the connection closed without one). */
  failures: Record<string, number>;
  /** Items the server refused, with its reason (none are expected). */
  rejected: { id: string; reason: string }[];
}

/** One simulated extension: its outbox, what the server said of each item, and its local copy from pulls. */
export interface SimClient {
  readonly counts: ClientCounts;
  /** For every upsert the server applied: the row it went into (its own id, or the one it was merged into). */
  readonly storedAs: ReadonlyMap<string, string>;
  /** Ids of the live interactions in the local copy, as pulls left it. */
  liveInteractions(): Set<string>;
  /** Queue `items` (one outbox row per record: a later change replaces a queued one) and sync until done. */
  logAndSync(items: readonly PushItem[]): Promise<void>;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Why a call failed: the HTTP status the tRPC error carries; "no answer" when fetch failed (the connection closed
 * or was refused, as the extension's toApiError tells a network failure); else the message.
 */
function failureKind(e: unknown): string {
  const err = e as {
    message?: unknown;
    cause?: unknown;
    data?: { httpStatus?: unknown } | null;
    meta?: { response?: { status?: unknown } };
  } | null;
  const status = err?.data?.httpStatus ?? err?.meta?.response?.status;
  if (typeof status === 'number') return String(status);
  if (e instanceof TypeError || err?.cause instanceof TypeError) return 'no answer';
  return String(err?.message ?? e).slice(0, 80);
}

/**
 * A client of the server at `url` (through the fault proxy) that syncs as the extension's engine does
 * (docs/sync.md "Outbox first"): push the outbox oldest first in batches of 500 until it is empty, then pull until
 * nothing is left. A failure anywhere fails the sync, which is retried after the extension's backoff (equal
 * jitter, doubling per failure) with the outbox as it was: the same batch, the same ids.
 */
export function simClient(opts: {
  url: string;
  token: string;
  seed: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxFailures: number;
  /** Aborted when the run gives up: no more retries. */
  signal?: AbortSignal;
  /** Called with how many upserts the server acknowledged, after every push that did. */
  onApplied?: (upserts: number) => void;
}): SimClient {
  const api = trpcClient(opts.url, opts.token);
  const jitter = createRng(opts.seed);
  const outbox = new Map<string, PushItem>();
  const storedAs = new Map<string, string>();
  const local = new Map<string, boolean>();
  let cursor = 0;
  const counts: ClientCounts = { pushes: 0, pulls: 0, retries: 0, failures: {}, rejected: [] };

  /** Remove what the server answered for, as the outbox's applyPushResult does. */
  function applyPushResult(sent: readonly PushItem[], result: PushResult): number {
    const byId = new Map(sent.map((item) => [item.id, item]));
    let upserts = 0;
    for (const a of result.applied) {
      const item = byId.get(a.id);
      if (!item) continue;
      outbox.delete(`${item.entity}:${item.id}`);
      if (item.op === 'upsert') {
        storedAs.set(item.id, a.mergedInto ?? item.id);
        upserts++;
      }
    }
    for (const r of result.rejected) {
      const item = byId.get(r.id);
      if (item) outbox.delete(`${item.entity}:${item.id}`);
      counts.rejected.push(r);
    }
    return upserts;
  }

  async function pushAll(): Promise<void> {
    while (outbox.size > 0) {
      opts.signal?.throwIfAborted();
      const items = [...outbox.values()].slice(0, PUSH_BATCH_SIZE);
      counts.pushes++;
      const result = await api.sync.push.mutate({ items });
      const upserts = applyPushResult(items, result);
      if (upserts) opts.onApplied?.(upserts);
      // A server that answers for none of the items would keep us here forever (as the extension stops too).
      if (result.applied.length + result.rejected.length === 0) throw new Error('a push answered for no item');
    }
  }

  async function pullAll(): Promise<void> {
    for (;;) {
      opts.signal?.throwIfAborted();
      counts.pulls++;
      // Parsed with the shared schema: a page the client cannot read is a failure of the run, not a retry.
      const page = pullResultSchema.parse(await api.sync.pull.query({ cursor, limit: PULL_LIMIT }));
      for (const i of page.interactions) {
        local.delete(i.id);
        if (!i.deleted) local.set(i.id, true);
      }
      const moved = page.cursor > cursor;
      cursor = Math.max(cursor, page.cursor);
      if (!page.hasMore || !moved) return;
    }
  }

  async function sync(): Promise<void> {
    for (let failures = 0; ; ) {
      try {
        await pushAll();
        await pullAll();
        return;
      } catch (e) {
        opts.signal?.throwIfAborted();
        if (e instanceof Error && e.name === 'ZodError') throw e;
        failures++;
        const kind = failureKind(e);
        counts.failures[kind] = (counts.failures[kind] ?? 0) + 1;
        if (failures >= opts.maxFailures)
          throw new Error(`a sync failed ${failures} times in a row; last: ${e instanceof Error ? e.message : e}`);
        counts.retries++;
        await sleep(backoffDelay(failures, opts.backoffBaseMs, opts.backoffMaxMs, jitter.next()));
      }
    }
  }

  return {
    counts,
    storedAs,
    liveInteractions: () => new Set(local.keys()),
    async logAndSync(items) {
      for (const item of items) {
        const key = `${item.entity}:${item.id}`;
        // A replaced record goes to the back, as a new outbox row would.
        outbox.delete(key);
        outbox.set(key, item);
      }
      await sync();
    },
  };
}
