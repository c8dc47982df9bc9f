import type { ErasureTombstone } from '@comms-log/shared';
import type { CommsLogDb, OutboxRow } from './local-db';

/**
 * Whether a queued change is about the erased stakeholder: a record the erasure removed, or one naming them (an
 * interaction's or follow-up's stakeholder, a coverage item's outlet).
 */
function aboutErased(row: OutboxRow, e: ErasureTombstone, erasedIds: ReadonlySet<string>): boolean {
  if (row.entity === 'stakeholder') return false;
  if (erasedIds.has(row.id)) return true;
  const data = row.data as { stakeholderId?: unknown; outletStakeholderId?: unknown } | null;
  return data?.stakeholderId === e.stakeholderId || data?.outletStakeholderId === e.stakeholderId;
}

/**
 * Drop erased stakeholders from the local copy (docs/sync.md "Erasure"): the stakeholder, the rows the server
 * removed with them, and any local row still pointing at them, so the person disappears from the popup, the
 * follow-ups list and the directory. Changes still queued about them, waiting or refused, are dropped quietly:
 * the server refuses them for good (docs/sync.md "Erasure"), and a refused item would keep showing the person's
 * words with a Retry that cannot succeed. Runs inside the pull's transaction.
 */
export async function applyErasures(db: CommsLogDb, erasures: ErasureTombstone[]): Promise<void> {
  for (const e of erasures) {
    await db.interactions.bulkDelete(e.interactionIds);
    await db.interactions.where('stakeholderId').equals(e.stakeholderId).delete();
    await db.followups.bulkDelete(e.followupIds);
    await db.followups.filter((f) => f.stakeholderId === e.stakeholderId).delete();
    await db.stakeholders.delete(e.stakeholderId);
    const erasedIds = new Set([...e.interactionIds, ...e.followupIds]);
    await db.outbox.filter((row) => aboutErased(row, e, erasedIds)).delete();
  }
}
