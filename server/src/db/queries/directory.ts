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

/** The column of each table that points at a stakeholder (a coverage item's is its outlet). */
const stakeholderColumn = {
  interactions: 'stakeholder_id',
  followups: 'stakeholder_id',
  survey_responses: 'stakeholder_id',
  media_coverage: 'outlet_stakeholder_id',
} as const;

/** Point the rows of `table` (interactions, follow-ups, survey responses, coverage) of `fromId` to `toId`; returns how many moved. */
export function moveStakeholderRows(
  db: DbOrTx,
  orgId: string,
  table: keyof typeof stakeholderColumn,
  fromId: string,
  toId: string,
  now: number,
): Promise<number> {
  const column = sql.raw(stakeholderColumn[table]);
  return updateWithSeq(db, orgId, table, sql`${column} = ${toId}`, sql`${column} = ${fromId}`, now);
}
