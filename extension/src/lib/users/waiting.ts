import type { CommsLogDb } from '../outbox/local-db';

/** Changes another user wrote here that wait in the outbox for them to sign in again. */
export type WaitingForUser = { ownerId: string; label: string; count: number };

/** Others' queued changes, by user, in the order they were first queued; `me` is the signed-in user (null: nobody). */
export async function othersWaiting(db: CommsLogDb, me: string | null): Promise<WaitingForUser[]> {
  const byOwner = new Map<string, WaitingForUser>();
  await db.outbox.orderBy('seq').each((row) => {
    if (!row.owner || row.owner.id === me) return;
    const entry = byOwner.get(row.owner.id) ?? { ownerId: row.owner.id, label: row.owner.label, count: 0 };
    entry.count += 1;
    byOwner.set(row.owner.id, entry);
  });
  return [...byOwner.values()];
}

/**
 * Drops what another user left queued here, on the signed-in user's deliberate confirmation: their local copy is
 * no longer here (sync/own-copy.ts), so the outbox rows are all. Never the signed-in user's own rows.
 */
export async function discardWaiting(db: CommsLogDb, ownerId: string, me: string | null): Promise<number> {
  if (ownerId === me) return 0;
  return db.outbox.filter((row) => row.owner?.id === ownerId).delete();
}
