import type { DbOrTx } from '../client';
import { jsonList, selectValues } from '../client';

/*
 * What a push must not bring back after an erasure on request (docs/sync.md "Erasure"): a device offline at the
 * time still holds rows about the erased stakeholder until it pulls the tombstone. Read from the `erasures` table.
 */

/** Of `stakeholderIds`, those the org erased on request. */
export async function erasedStakeholderIds(db: DbOrTx, orgId: string, stakeholderIds: string[]): Promise<Set<string>> {
  if (stakeholderIds.length === 0) return new Set();
  const found = await selectValues(db, {
    value: 'DISTINCT stakeholder_id',
    from: 'FROM erasures WHERE org_id = ? AND stakeholder_id IN (SELECT value FROM json_each(?))',
    args: [orgId, jsonList(stakeholderIds)],
  });
  return new Set(found as string[]);
}

/** Of `ids`, those of interactions or follow-ups an erasure of the org removed. */
export async function erasedRecordIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await selectValues(db, {
    value: 'DISTINCT r.value',
    from: `FROM erasures e, json_each(json_array(json(e.interaction_ids), json(e.followup_ids))) l, json_each(l.value) r
      WHERE e.org_id = ? AND r.value IN (SELECT value FROM json_each(?))`,
    args: [orgId, jsonList(ids)],
  });
  return new Set(found as string[]);
}
