import type { FollowupData, InteractionData, StakeholderInput, ThreadOutcomeData } from '@comms-log/shared';
import type { CommsLogDb, OutboxOwner, OutboxRow } from '../outbox/local-db';
import { pendingLocalStakeholder } from '../outbox/queue';

/*
 * The extension pulls its user's own interactions and follow-ups (docs/sync.md "Pull"), and its outbox rows are each
 * their writer's (docs/sync.md "Outbox first"). The meta row remembers whose copy it is: a browser that pulled the
 * org's rows before (a manager's, from before pull took a scope) keeps its own rows and its cursor; a browser where
 * another user signs in, or that was signed out, starts the copy again from what that user still has queued.
 */

const OWNER_KEY = 'copyOwner';
const OWNER_LABEL_KEY = 'copyOwnerLabel';
/** The copy's owner after a sign-out: nobody's, and empty. */
const NOBODY = '';

/** What claiming the copy did: nothing to change, the org's copy narrowed, or another user's copy replaced. */
export type CopyChange = { kind: 'same' } | { kind: 'narrowed'; dropped: number } | { kind: 'switched'; from: string };

/** Rows the outbox still holds, and our own rows not yet stamped by the server, stay: they are this user's work. */
const othersSynced = (me: string) => (r: { userId?: string; pending: boolean }) =>
  !r.pending && r.userId !== undefined && r.userId !== me;

const tables = (db: CommsLogDb) => [
  db.outbox,
  db.interactions,
  db.followups,
  db.stakeholders,
  db.threadOutcomes,
  db.meta,
];

/** Rows written while the background did not know who was signed in are the copy's user's. */
async function stampUnowned(db: CommsLogDb, owner: OutboxOwner): Promise<void> {
  await db.outbox
    .filter((r) => r.owner === undefined)
    .modify((r) => {
      r.owner = owner;
    });
}

async function markOwner(db: CommsLogDb, owner: OutboxOwner | null): Promise<void> {
  await db.meta.bulkPut([
    { key: OWNER_KEY, value: owner?.id ?? NOBODY },
    { key: OWNER_LABEL_KEY, value: owner?.label ?? '' },
  ]);
}

async function ownerOfCopy(db: CommsLogDb): Promise<OutboxOwner | null | undefined> {
  const id = (await db.meta.get(OWNER_KEY))?.value;
  if (typeof id !== 'string') return undefined;
  if (id === NOBODY) return null;
  const label = (await db.meta.get(OWNER_LABEL_KEY))?.value;
  return { id, label: typeof label === 'string' ? label : '' };
}

/** Empties the local copy (the outbox stays) and sets the cursor back, so that the next pull starts afresh. */
async function clearCopy(db: CommsLogDb): Promise<void> {
  await Promise.all([db.interactions, db.followups, db.stakeholders, db.threadOutcomes].map((t) => t.clear()));
  await db.meta.put({ key: 'cursor', value: 0 });
}

/** The local copy of `me`'s queued records, as queueing them wrote it (outbox/queue.ts, thread-outcomes.ts). */
async function restoreQueued(db: CommsLogDb, me: string): Promise<void> {
  const rows = await db.outbox.filter((r) => r.owner?.id === me && r.op === 'upsert').toArray();
  const of = (entity: OutboxRow['entity']) => rows.filter((r) => r.entity === entity);
  await db.interactions.bulkPut(
    of('interaction').map((r) => ({ ...(r.data as InteractionData), loggedAt: r.queuedAt, pending: true })),
  );
  await db.followups.bulkPut(of('followup').map((r) => ({ ...(r.data as FollowupData), pending: true })));
  await db.stakeholders.bulkPut(
    of('stakeholder').map((r) => pendingLocalStakeholder(r.id, r.data as StakeholderInput, r.queuedAt)),
  );
  await db.threadOutcomes.bulkPut(
    of('thread_outcome').map((r) => ({
      ...(r.data as ThreadOutcomeData),
      id: r.id,
      queuedAt: r.queuedAt,
      pending: true,
    })),
  );
}

/**
 * Makes the local copy `me`'s before their sync pushes or pulls, in one transaction. The copy's user keeps it; the
 * org's copy (no owner yet) drops others' synced rows and keeps its cursor. Another user's copy, or an empty one
 * after a sign-out, is emptied: its user's queued rows stay in the outbox, theirs, and `me`'s own come back from
 * it; the next pull starts from 0.
 */
export async function claimCopy(db: CommsLogDb, me: OutboxOwner): Promise<CopyChange> {
  return db.transaction('rw', tables(db), async (): Promise<CopyChange> => {
    const owner = await ownerOfCopy(db);
    if (owner?.id === me.id) {
      await stampUnowned(db, me);
      return { kind: 'same' };
    }
    if (owner === undefined) {
      await stampUnowned(db, me);
      const dropped =
        (await db.interactions.filter(othersSynced(me.id)).delete()) +
        (await db.followups.filter(othersSynced(me.id)).delete());
      await markOwner(db, me);
      return { kind: 'narrowed', dropped };
    }
    // Signed out since (owner null): what was written meanwhile goes with this sign-in.
    await stampUnowned(db, owner ?? me);
    await clearCopy(db);
    await restoreQueued(db, me.id);
    await markOwner(db, me);
    return { kind: 'switched', from: owner?.id ?? NOBODY };
  });
}

/**
 * Signed out: the copy's user's queued rows stay in the outbox, theirs, and the local copy is emptied. Returns the
 * id of the user whose copy it was, or null when it was nobody's already.
 */
export async function releaseCopy(db: CommsLogDb): Promise<string | null> {
  return db.transaction('rw', tables(db), async () => {
    const owner = await ownerOfCopy(db);
    if (owner === null) return null;
    if (owner) await stampUnowned(db, owner);
    await clearCopy(db);
    await markOwner(db, null);
    return owner?.id ?? NOBODY;
  });
}
