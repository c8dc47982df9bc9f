import type { CommsLogDb } from '../outbox/local-db';

/*
 * The extension pulls its user's own interactions and follow-ups (docs/sync.md "Pull"). A browser that pulled the
 * org's rows before (a manager's, from before pull took a scope) or another user's (someone else signed in here)
 * drops what is not its user's the first time it syncs as them; the meta row remembers whose copy it is.
 */

const OWNER_KEY = 'copyOwner';

/** Rows the outbox still holds, and our own rows not yet stamped by the server, stay: they are this user's work. */
const othersSynced = (me: string) => (r: { userId?: string; pending: boolean }) =>
  !r.pending && r.userId !== undefined && r.userId !== me;

/**
 * Makes the local copy `me`'s: drops others' synced interactions and follow-ups, in one transaction with the mark.
 * A copy that was already another user's own (not the org's) also lacks `me`'s older rows: its cursor goes back
 * to 0 so that the next pull brings them. Returns how many rows were dropped.
 */
export async function narrowToOwnCopy(db: CommsLogDb, me: string): Promise<number> {
  return db.transaction('rw', db.interactions, db.followups, db.meta, async () => {
    const owner = await db.meta.get(OWNER_KEY);
    if (owner?.value === me) return 0;
    const dropped =
      (await db.interactions.filter(othersSynced(me)).delete()) +
      (await db.followups.filter(othersSynced(me)).delete());
    if (owner !== undefined) await db.meta.put({ key: 'cursor', value: 0 });
    await db.meta.put({ key: OWNER_KEY, value: me });
    return dropped;
  });
}
