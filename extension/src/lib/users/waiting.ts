import { storage } from 'wxt/utils/storage';
import type { FollowupActionRow } from '../followups/local';
import type { FollowupsDb } from '../followups/store';
import type { CommsLogDb } from '../outbox/local-db';

/** Changes another user wrote here that wait in the outbox (and follow-up actions queue) for them to sign in again. */
export type WaitingForUser = { ownerId: string; label: string; count: number };

/**
 * How the popup names the users who signed in here (their e-mail, by user id): a follow-up action keeps only its
 * user's id. Written as each signs in (users/watch.ts).
 */
export const usersLabelsItem = storage.defineItem<Record<string, string>>('local:usersLabels', { fallback: {} });

/** Whether a queued follow-up action is `me`'s to send and show (one queued with nobody signed in is too). */
export const isOwnAction =
  (me: string | null | undefined) =>
  (a: Pick<FollowupActionRow, 'userId'>): boolean =>
    !a.userId || a.userId === me;

/** Others' queued changes and follow-up actions, by user, outbox first in the order queued; `me` null: nobody. */
export async function othersWaiting(db: CommsLogDb, fuDb: FollowupsDb, me: string | null): Promise<WaitingForUser[]> {
  const byOwner = new Map<string, WaitingForUser>();
  const count = (ownerId: string, label: string) => {
    const entry = byOwner.get(ownerId) ?? { ownerId, label, count: 0 };
    entry.count += 1;
    byOwner.set(ownerId, entry);
  };
  await db.outbox.orderBy('seq').each((row) => {
    if (row.owner && row.owner.id !== me) count(row.owner.id, row.owner.label);
  });
  const actions = await fuDb.actions.where('state').equals('pending').sortBy('queuedAtMs');
  const others = actions.filter((a) => !isOwnAction(me)(a));
  if (others.length > 0) {
    const labels = await usersLabelsItem.getValue();
    for (const a of others) count(a.userId, labels[a.userId] ?? a.userId);
  }
  return [...byOwner.values()];
}

/**
 * Drops what another user left queued here, outbox rows and follow-up actions, on the signed-in user's deliberate
 * confirmation: their local copy is no longer here (sync/own-copy.ts), so these are all. Never the signed-in
 * user's own.
 */
export async function discardWaiting(
  db: CommsLogDb,
  fuDb: FollowupsDb,
  ownerId: string,
  me: string | null,
): Promise<number> {
  if (!ownerId || ownerId === me) return 0;
  const rows = await db.outbox.filter((row) => row.owner?.id === ownerId).delete();
  const actions = await fuDb.actions.filter((a) => a.userId === ownerId && a.state === 'pending').delete();
  return rows + actions;
}
