import type {
  FollowupData,
  InteractionData,
  PushItem,
  PushResult,
  Stakeholder,
  StakeholderInput,
} from '@comms-log/shared';
import type { PendingStakeholder } from '../sync/passes';
import { LOCAL_STAKEHOLDER_PREFIX, toLocalStakeholder } from './directory';
import type { CommsLogDb, LocalStakeholder, OutboxRow } from './local-db';

/** A pending upsert, one row per record (`<entity>:<id>`). */
export function outboxRow(
  entity: OutboxRow['entity'],
  id: string,
  data: unknown,
  now: string,
  waitsFor: string | null,
): OutboxRow {
  return {
    key: `${entity}:${id}`,
    entity,
    op: 'upsert',
    id,
    data,
    status: 'pending',
    reason: null,
    attempts: 0,
    queuedAt: now,
    waitsFor,
  };
}

function waitsForOf(stakeholderId: string | null | undefined): string | null {
  return stakeholderId?.startsWith(LOCAL_STAKEHOLDER_PREFIX) ? stakeholderId : null;
}

/** The queued record's data pointing at stakeholder `to` where it named `from`. */
export function withStakeholder(data: unknown, from: string, to: string | null): unknown {
  const rec = data as { stakeholderId?: string | null };
  return rec && rec.stakeholderId === from ? { ...rec, stakeholderId: to } : data;
}

/** Marks a row refused by the server, counting the attempt. */
function refusedWith(reason: string): (r: OutboxRow) => void {
  return (r) => {
    r.status = 'rejected';
    r.reason = reason;
    r.attempts += 1;
  };
}

/**
 * Queues interactions (and optionally a follow-up) in one IndexedDB transaction: the outbox rows and the
 * local copy are written together, before any network call, so a log survives a closed browser or a server
 * that is down (docs/sync.md "Outbox first").
 */
export async function enqueueInteractions(
  db: CommsLogDb,
  interactions: readonly InteractionData[],
  opts: { followup?: FollowupData | null; now?: Date } = {},
): Promise<number> {
  const now = (opts.now ?? new Date()).toISOString();
  const followup = opts.followup ?? null;
  if (interactions.length === 0 && !followup) return 0;
  await db.transaction('rw', db.outbox, db.interactions, db.followups, async () => {
    const rows: OutboxRow[] = interactions.map((i) =>
      outboxRow('interaction', i.id, i, now, waitsForOf(i.stakeholderId)),
    );
    if (followup) rows.push(outboxRow('followup', followup.id, followup, now, waitsForOf(followup.stakeholderId)));
    const previous = new Map(
      (
        await db.outbox
          .where('key')
          .anyOf(rows.map((r) => r.key))
          .toArray()
      ).map((r) => [r.key, r]),
    );
    for (const row of rows) {
      const local = await (row.entity === 'interaction' ? db.interactions : db.followups).get(row.id);
      row.known = previous.get(row.key)?.known === true || (local !== undefined && !local.pending);
    }
    await db.outbox
      .where('key')
      .anyOf(rows.map((r) => r.key))
      .delete();
    await db.outbox.bulkAdd(rows);
    await db.interactions.bulkPut(interactions.map((i) => ({ ...i, loggedAt: now, pending: true })));
    if (followup) await db.followups.put({ ...followup, pending: true });
  });
  return interactions.length;
}

/**
 * Queues new values of interactions already in the local copy (a later capture's project status or post counts,
 * docs/sync.md "Outbox first"), replacing any change still queued for them. The local copy keeps what only the
 * server sent (derived fields, when it was logged) until the next pull. A change the server refused is left as
 * it is, for the user to retry or discard. Returns how many were queued.
 */
export async function requeueInteractions(
  db: CommsLogDb,
  interactions: readonly InteractionData[],
  now = new Date(),
): Promise<number> {
  if (interactions.length === 0) return 0;
  const iso = now.toISOString();
  return db.transaction('rw', db.outbox, db.interactions, async () => {
    let queued = 0;
    for (const i of interactions) {
      const local = await db.interactions.get(i.id);
      const previous = await db.outbox.where('key').equals(`interaction:${i.id}`).first();
      if (!local || previous?.status === 'rejected') continue;
      const row = outboxRow('interaction', i.id, i, iso, waitsForOf(i.stakeholderId));
      row.known = previous?.known === true || !local.pending;
      if (previous) await db.outbox.delete(previous.seq!);
      await db.outbox.add(row);
      await db.interactions.put({ ...local, ...i, pending: true });
      queued++;
    }
    return queued;
  });
}

/**
 * Queues a stakeholder to create on the server (logging must work offline) under a `local:` id that queued
 * items may name until the server gives the real one.
 */
export async function enqueueStakeholder(
  db: CommsLogDb,
  localId: string,
  input: StakeholderInput,
  now = new Date(),
): Promise<LocalStakeholder> {
  const iso = now.toISOString();
  const local = pendingLocalStakeholder(localId, input, iso);
  await db.transaction('rw', db.outbox, db.stakeholders, async () => {
    await db.outbox.add(outboxRow('stakeholder', localId, input, iso, null));
    await db.stakeholders.put(local);
  });
  return local;
}

/** The directory entry of a stakeholder queued at `iso` under `localId`, until the server creates it. */
export function pendingLocalStakeholder(localId: string, input: StakeholderInput, iso: string): LocalStakeholder {
  return toLocalStakeholder(
    {
      id: localId,
      name: input.name,
      type: input.type,
      tier: input.tier ?? 'standard',
      organization: input.organization ?? null,
      ownerUserId: input.ownerUserId ?? null,
      cadenceOverride: input.cadenceOverride ?? null,
      active: input.active ?? true,
      identities: (input.identities ?? []).map((ident, n) => ({
        ...ident,
        id: `${localId}#${n}`,
        stakeholderId: localId,
      })),
      createdAt: iso,
      updatedAt: iso,
    },
    true,
  );
}

/**
 * Whether `row` is the signed-in user's (`me`, null when nobody is): others' rows wait for their own sign-in. A row
 * without an owner was written since the sync's start gave every row one (sync/own-copy.ts), by the user signed in.
 */
export const ownedBy =
  (me: string | null) =>
  (row: OutboxRow): boolean =>
    row.owner === undefined || row.owner.id === me;

/** `me`'s rows of `status`, oldest first. */
export async function outboxRows(
  db: CommsLogDb,
  status: OutboxRow['status'],
  me: string | null = null,
): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals(status).filter(ownedBy(me)).sortBy('seq');
}

export async function queueCounts(
  db: CommsLogDb,
  me: string | null = null,
): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('status').equals('pending').filter(ownedBy(me)).count(),
    db.outbox.where('status').equals('rejected').filter(ownedBy(me)).count(),
  ]);
  return { pending, rejected };
}

export async function pendingStakeholders(db: CommsLogDb, me: string | null = null): Promise<PendingStakeholder[]> {
  const rows = (await outboxRows(db, 'pending', me)).filter((r) => r.entity === 'stakeholder');
  return rows.map((r) => ({ localId: r.id, input: r.data as StakeholderInput }));
}

/** The server created it: cache it and point every queued item that used the local id at the real one. */
export async function resolveStakeholder(db: CommsLogDb, localId: string, stakeholder: Stakeholder): Promise<void> {
  await db.transaction('rw', db.outbox, db.stakeholders, db.interactions, db.followups, async () => {
    await db.outbox.where('key').equals(`stakeholder:${localId}`).delete();
    await db.stakeholders.delete(localId);
    await db.stakeholders.put(toLocalStakeholder(stakeholder));
    const waiting = await db.outbox.where('waitsFor').equals(localId).toArray();
    for (const row of waiting) {
      await db.outbox.update(row.seq!, {
        data: withStakeholder(row.data, localId, stakeholder.id),
        waitsFor: null,
      });
    }
    await db.interactions.where('stakeholderId').equals(localId).modify({ stakeholderId: stakeholder.id });
    await db.followups.filter((f) => f.stakeholderId === localId).modify({ stakeholderId: stakeholder.id });
  });
}

/** The server refused it: items that named it are refused with the reason. */
export async function rejectStakeholder(db: CommsLogDb, localId: string, reason: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox.where('key').equals(`stakeholder:${localId}`).modify(refusedWith(reason));
    await db.outbox
      .where('waitsFor')
      .equals(localId)
      .modify((r) => {
        r.status = 'rejected';
        r.reason = `stakeholder not created: ${reason}`;
      });
  });
}

function toPushItem(row: OutboxRow): PushItem {
  const { entity, id } = row;
  // pendingPush leaves stakeholders out: they are created through directory.create first.
  if (entity === 'stakeholder') throw new Error('a stakeholder is created, not pushed');
  if (row.op === 'upsert') return { op: 'upsert', entity, id, data: row.data };
  if (entity === 'thread_outcome') throw new Error('a conversation outcome is recorded once, never deleted');
  return { op: 'delete', entity, id };
}

/** Up to `limit` of `me`'s pending items, oldest first, none naming a stakeholder still to be created. */
export async function pendingPush(db: CommsLogDb, limit: number, me: string | null = null): Promise<PushItem[]> {
  const mine = ownedBy(me);
  const rows = await db.outbox
    .orderBy('seq')
    .filter((r) => r.status === 'pending' && r.entity !== 'stakeholder' && r.waitsFor === null && mine(r))
    .limit(limit)
    .toArray();
  return rows.map(toPushItem);
}

/** Applied items leave the outbox (merged ones take the kept id locally); refused ones stay with the reason. */
export async function applyPushResult(db: CommsLogDb, sent: readonly PushItem[], result: PushResult): Promise<void> {
  const rejected = new Map(result.rejected.map((r) => [r.id, r.reason]));
  await db.transaction('rw', db.outbox, db.interactions, db.followups, db.threadOutcomes, async () => {
    for (const a of result.applied) {
      await db.outbox.where('key').equals(`${a.entity}:${a.id}`).delete();
      if (a.entity === 'thread_outcome') await db.threadOutcomes.update(a.id, { pending: false });
      // Coverage has no local copy (pull does not send it): leaving the outbox is all.
      if (a.entity === 'thread_outcome' || a.entity === 'coverage') continue;
      const table = a.entity === 'interaction' ? db.interactions : db.followups;
      const local = await table.get(a.id);
      if (!local) continue;
      if (a.mergedInto && a.mergedInto !== a.id) {
        // Someone logged the same message first: the server kept their row, so ours takes its id.
        await table.delete(a.id);
        await table.put({ ...local, id: a.mergedInto, pending: false } as never);
      } else {
        await table.update(a.id, { pending: false });
      }
    }
    for (const item of sent) {
      const reason = rejected.get(item.id);
      if (reason === undefined) continue;
      await db.outbox.where('key').equals(`${item.entity}:${item.id}`).modify(refusedWith(reason));
    }
  });
}
