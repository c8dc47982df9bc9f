import type {
  FollowupData,
  InteractionData,
  MediaCoverageData,
  StakeholderInput,
  ThreadOutcomeData,
} from '@comms-log/shared';
import type { CommsLogDb, OutboxRow } from './local-db';
import { outboxRows, ownedBy, withStakeholder } from './queue';

/** A refused change as the popup lists it: enough to say what it is without the whole record. */
export type RejectedItem = {
  key: string;
  entity: OutboxRow['entity'];
  op: OutboxRow['op'];
  reason: string;
  queuedAt: string;
  interaction?: {
    channel: InteractionData['channel'];
    direction: InteractionData['direction'];
    who: string;
    occurredAt: string;
    title: string | null;
  };
  followup?: { note: string; dueAt: string };
  stakeholder?: { name: string };
  /** `title`: the thread's subject in the local copy, when it has one. */
  outcome?: Pick<ThreadOutcomeData, 'threadKey' | 'event' | 'at'> & { title: string | null };
  coverage?: { title: string };
};

function describeRejected(row: OutboxRow): RejectedItem {
  const item: RejectedItem = {
    key: row.key,
    entity: row.entity,
    op: row.op,
    reason: row.reason ?? '',
    queuedAt: row.queuedAt,
  };
  if (row.op !== 'upsert' || !row.data) return item;
  if (row.entity === 'interaction') {
    const d = row.data as InteractionData;
    item.interaction = {
      channel: d.channel,
      direction: d.direction,
      who: d.author?.name || d.author?.handle || '',
      occurredAt: d.occurredAt,
      title: d.title ?? null,
    };
  } else if (row.entity === 'followup') {
    const d = row.data as FollowupData;
    item.followup = { note: d.note ?? '', dueAt: d.dueAt };
  } else if (row.entity === 'thread_outcome') {
    const d = row.data as ThreadOutcomeData;
    item.outcome = { threadKey: d.threadKey, event: d.event, at: d.at, title: null };
  } else if (row.entity === 'coverage') {
    item.coverage = { title: (row.data as MediaCoverageData).title };
  } else {
    item.stakeholder = { name: (row.data as StakeholderInput).name };
  }
  return item;
}

/** `me`'s refused changes, oldest first; an outcome names its thread by the subject the local copy has. */
export async function rejectedItems(db: CommsLogDb, me: string | null = null, limit = 50): Promise<RejectedItem[]> {
  const items = (await outboxRows(db, 'rejected', me)).slice(0, limit).map(describeRejected);
  for (const item of items) {
    if (!item.outcome) continue;
    const rows = await db.interactions.where('threadKey').equals(item.outcome.threadKey).toArray();
    item.outcome.title = rows.find((r) => r.title)?.title ?? null;
  }
  return items;
}

/**
 * Puts refused changes back in the queue (all of them when `keys` is null), e.g. after the never-log list or a
 * stakeholder was fixed on the server. An item that waits for a refused stakeholder brings that one back too,
 * or it would wait for ever. Returns how many rows went back to pending.
 */
export async function retryRejected(
  db: CommsLogDb,
  keys: readonly string[] | null,
  me: string | null = null,
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const rows =
      keys === null
        ? await outboxRows(db, 'rejected', me)
        : (
            await db.outbox
              .where('key')
              .anyOf([...keys])
              .toArray()
          ).filter((r) => r.status === 'rejected' && ownedBy(me)(r));
    const targets = new Set(rows.map((r) => r.key));
    for (const r of rows) if (r.waitsFor) targets.add(`stakeholder:${r.waitsFor}`);
    return db.outbox
      .where('key')
      .anyOf([...targets])
      .filter((r) => r.status === 'rejected')
      .modify((r) => {
        r.status = 'pending';
        r.reason = null;
      });
  });
}

/** Drops a stakeholder still to be created: the items that named it stay, refused, without a stakeholder. */
async function discardStakeholder(db: CommsLogDb, id: string): Promise<void> {
  await db.stakeholders.delete(id);
  const waiting = await db.outbox.where('waitsFor').equals(id).toArray();
  for (const w of waiting) {
    await db.outbox.update(w.seq!, {
      data: withStakeholder(w.data, id, null),
      waitsFor: null,
      reason: w.reason ?? `stakeholder not created`,
    });
  }
  await db.interactions.where('stakeholderId').equals(id).modify({ stakeholderId: null });
  await db.followups.filter((f) => f.stakeholderId === id).modify({ stakeholderId: null });
}

/**
 * Drops a refused change. A record that only ever existed here goes from the local copy too; one the server
 * already had stays (the next pull brings its server version). Dropping a stakeholder still to be created
 * leaves the items that named it without a stakeholder, refused, for the user to retry or drop.
 * Returns false when the key is not `me`'s refused change (it may have synced meanwhile).
 */
export async function discardRejected(db: CommsLogDb, key: string, me: string | null = null): Promise<boolean> {
  const tables = [db.outbox, db.interactions, db.followups, db.stakeholders, db.threadOutcomes];
  return db.transaction('rw', tables, async () => {
    const row = await db.outbox.where('key').equals(key).first();
    if (row?.status !== 'rejected' || !ownedBy(me)(row)) return false;
    await db.outbox.delete(row.seq!);
    if (row.entity === 'stakeholder') {
      await discardStakeholder(db, row.id);
      return true;
    }
    // An outcome is recorded once, so a refused one never reached the server; coverage has no local copy.
    if (row.entity === 'thread_outcome') await db.threadOutcomes.delete(row.id);
    if (row.entity === 'thread_outcome' || row.entity === 'coverage') return true;
    const table = row.entity === 'interaction' ? db.interactions : db.followups;
    const local = await table.get(row.id);
    if (!local) return true;
    // Rows queued before `known` existed: keep the local copy, the safe side when we cannot tell.
    if (row.op === 'upsert' && row.known === false && local.pending) await table.delete(row.id);
    else await table.update(row.id, { pending: false });
    return true;
  });
}
