import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { threadsOfRows, updateWithSeq } from './reassign';

/* The raw statements of merging one stakeholder into another. */

const ofStakeholder = (id: string) => sql`stakeholder_id = ${id}`;

/**
 * Delete the identities of `mergeId` that `keepId` holds too. Identities are unique per org, so the two cannot
 * share one; this only matters for rows written around the API.
 */
export async function dropSharedIdentities(db: DbOrTx, orgId: string, mergeId: string, keepId: string) {
  await db.run(sql`
      DELETE FROM identities WHERE org_id = ${orgId} AND stakeholder_id = ${mergeId}
        AND EXISTS (SELECT 1 FROM identities k WHERE k.org_id = ${orgId} AND k.stakeholder_id = ${keepId} AND k.kind = identities.kind AND k.value = identities.value)`);
}

/** The threads of the stakeholder's interactions, each with the instant of its first live event with it. */
export function threadsOfStakeholder(db: DbOrTx, orgId: string, stakeholderId: string) {
  return threadsOfRows(db, orgId, ofStakeholder(stakeholderId));
}

/** Point the interactions or follow-ups of `fromId` to `toId`; returns how many moved. */
export function moveStakeholderRows(
  db: DbOrTx,
  orgId: string,
  table: 'interactions' | 'followups',
  fromId: string,
  toId: string,
  now: number,
): Promise<number> {
  return updateWithSeq(db, orgId, table, sql`stakeholder_id = ${toId}`, ofStakeholder(fromId), now);
}
