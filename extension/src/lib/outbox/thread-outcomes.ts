import { threadResolutionAt } from '@comms-log/shared/domain';
import type { ThreadOutcomeData } from '@comms-log/shared';
import type { CommsLogDb, LocalThreadOutcome } from './local-db';
import { outboxRow } from './queue';

/** A conversation's state as this browser knows it, for the Log-this panel and the popup's rows. */
export type ThreadOutcomeState = {
  threadKey: string;
  resolved: boolean;
  /** When it was (last) resolved; null while it is not. */
  resolvedAt: string | null;
  /** One of its outcomes is still on its way to the server. */
  pending: boolean;
  /** Its first message in the local copy, the earliest a resolution may be dated; null when none is here. */
  firstAt: string | null;
};

/**
 * Queues a resolve or reopen (docs/sync.md "Push"): the outbox row and the local record in one transaction,
 * before any network call. `data` was checked against `threadOutcomeDataSchema` by the page that asked (the
 * background bundles no zod, docs/development.md "Building the extension"). Outcomes are recorded once, so the
 * server never had this id: a refused one can be dropped with its local record.
 */
export async function enqueueThreadOutcome(
  db: CommsLogDb,
  id: string,
  data: ThreadOutcomeData,
  now = new Date(),
): Promise<void> {
  const iso = now.toISOString();
  await db.transaction('rw', db.outbox, db.threadOutcomes, async () => {
    await db.outbox.add({ ...outboxRow('thread_outcome', id, data, iso, null), known: false });
    await db.threadOutcomes.put({ ...data, id, queuedAt: iso, pending: true });
  });
}

function stateOf(
  threadKey: string,
  outcomes: readonly LocalThreadOutcome[],
  firstAt: string | null,
): ThreadOutcomeState {
  // Recording order breaks ties between two outcomes at one instant, as on the server.
  const ordered = [...outcomes].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const { resolved, resolvedAtMs } = threadResolutionAt(
    ordered.map((o) => ({ kind: o.event, atMs: Date.parse(o.at) })),
    Number.POSITIVE_INFINITY,
  );
  return {
    threadKey,
    resolved,
    resolvedAt: resolvedAtMs === null ? null : new Date(resolvedAtMs).toISOString(),
    pending: outcomes.some((o) => o.pending),
    firstAt,
  };
}

/** The state of each thread from the outcomes queued or synced here; refused ones do not count. */
export async function threadOutcomeStates(
  db: CommsLogDb,
  threadKeys: readonly string[],
): Promise<Record<string, ThreadOutcomeState>> {
  const keys = [...new Set(threadKeys)];
  const outcomes = await db.threadOutcomes.where('threadKey').anyOf(keys).toArray();
  const refused = new Set(
    (
      await db.outbox
        .where('key')
        .anyOf(outcomes.map((o) => `thread_outcome:${o.id}`))
        .toArray()
    )
      .filter((r) => r.status === 'rejected')
      .map((r) => r.id),
  );
  const states: Record<string, ThreadOutcomeState> = {};
  for (const key of keys) {
    const rows = await db.interactions.where('threadKey').equals(key).toArray();
    let firstAt: string | null = null;
    for (const r of rows)
      if (!r.deleted && (!firstAt || Date.parse(r.occurredAt) < Date.parse(firstAt))) firstAt = r.occurredAt;
    const mine = outcomes.filter((o) => o.threadKey === key && !refused.has(o.id));
    states[key] = stateOf(key, mine, firstAt);
  }
  return states;
}
