import type { LastPurposes } from '../capture/purpose-choice';
import type { CommsLogDb, LocalInteraction } from './local-db';

/** The purpose of the latest message (by when it happened) that has one. */
function latestPurpose(rows: readonly LocalInteraction[]): string | null {
  let best: LocalInteraction | null = null;
  for (const r of rows) {
    if (r.deleted || !r.purpose) continue;
    if (!best || Date.parse(r.occurredAt) > Date.parse(best.occurredAt)) best = r;
  }
  return best?.purpose ?? null;
}

/** The thread's and the stakeholder's last purposes in the local copy, to preselect when logging. */
export async function lastPurposes(
  db: CommsLogDb,
  threadKey: string | null,
  stakeholderId: string | null,
): Promise<LastPurposes> {
  const [thread, stakeholder] = await Promise.all([
    threadKey ? db.interactions.where('threadKey').equals(threadKey).toArray() : [],
    stakeholderId ? db.interactions.where('stakeholderId').equals(stakeholderId).toArray() : [],
  ]);
  return { thread: latestPurpose(thread), stakeholder: latestPurpose(stakeholder) };
}
