import type { CommsLogDb, LocalInteraction } from './local-db';

/** The thread's messages in the local copy, deleted ones left out. */
export async function loggedInteractions(db: CommsLogDb, threadKey: string): Promise<LocalInteraction[]> {
  return (await db.interactions.where('threadKey').equals(threadKey).toArray()).filter((r) => !r.deleted);
}

/** Whether the local copy already holds the message. */
export async function loggedExternalIds(db: CommsLogDb, threadKey: string): Promise<Set<string>> {
  const rows = await loggedInteractions(db, threadKey);
  return new Set(rows.filter((r) => r.externalId).map((r) => `${r.source}:${r.externalId}`));
}

/** How much of a thread is logged; `externalIds` (`<source>:<externalId>`) lets the panel count what is new. */
export type ThreadStatus = { count: number; lastLoggedAt: string | null; pending: number; externalIds: string[] };

export async function threadStatus(db: CommsLogDb, threadKey: string): Promise<ThreadStatus> {
  const rows = await loggedInteractions(db, threadKey);
  let last: string | null = null;
  for (const r of rows) if (!last || r.loggedAt > last) last = r.loggedAt;
  return {
    count: rows.length,
    lastLoggedAt: last,
    pending: rows.filter((r) => r.pending).length,
    externalIds: rows.filter((r) => r.externalId).map((r) => `${r.source}:${r.externalId}`),
  };
}
