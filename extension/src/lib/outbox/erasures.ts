import type { ErasureTombstone } from '@comms-log/shared';
import type { CommsLogDb } from './local-db';

/**
 * Drop erased stakeholders from the local copy (docs/sync.md "Erasure"): the stakeholder, the rows the server
 * removed with them, and any local row still pointing at them, so the person disappears from the popup, the
 * follow-ups list and the directory. Runs inside the pull's transaction.
 */
export async function applyErasures(db: CommsLogDb, erasures: ErasureTombstone[]): Promise<void> {
  for (const e of erasures) {
    await db.interactions.bulkDelete(e.interactionIds);
    await db.interactions.where('stakeholderId').equals(e.stakeholderId).delete();
    await db.followups.bulkDelete(e.followupIds);
    await db.followups.filter((f) => f.stakeholderId === e.stakeholderId).delete();
    await db.stakeholders.delete(e.stakeholderId);
  }
}
