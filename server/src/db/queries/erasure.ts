import type { DbOrTx } from '../client';
import { jsonList, rawExecutor, selectValues } from '../client';

/*
 * The statements of an erasure on request (docs/sync.md "Erasure"): find everything recorded about one stakeholder,
 * then delete it. Every function takes the org, and every statement filters by it.
 */

/**
 * The interactions about the stakeholder: linked to them, or never linked but written by one of their handles
 * (the unknown-counterparts queue would otherwise keep showing the person).
 */
export async function interactionIdsOf(db: DbOrTx, orgId: string, stakeholderId: string): Promise<string[]> {
  return (await selectValues(db, {
    value: 'id',
    from: `FROM interactions WHERE org_id = ? AND (stakeholder_id = ? OR (stakeholder_id IS NULL AND lower(author_handle) IN
      (SELECT value FROM identities WHERE org_id = ? AND stakeholder_id = ?)))`,
    args: [orgId, stakeholderId, orgId, stakeholderId],
  })) as string[];
}

export async function followupIdsOf(db: DbOrTx, orgId: string, stakeholderId: string): Promise<string[]> {
  return (await selectValues(db, {
    value: 'id',
    from: 'FROM followups WHERE org_id = ? AND stakeholder_id = ?',
    args: [orgId, stakeholderId],
  })) as string[];
}

/** The conversations of `interactionIds` that have no other message left once these are gone. */
export async function threadsOnlyOf(db: DbOrTx, orgId: string, interactionIds: string[]): Promise<string[]> {
  return (await selectValues(db, {
    value: 'DISTINCT thread_key',
    from: `FROM interactions i WHERE org_id = ? AND id IN (SELECT value FROM json_each(?)) AND NOT EXISTS
      (SELECT 1 FROM interactions o WHERE o.org_id = i.org_id AND o.thread_key = i.thread_key
        AND o.id NOT IN (SELECT value FROM json_each(?)))`,
    args: [orgId, jsonList(interactionIds), jsonList(interactionIds)],
  })) as string[];
}

/**
 * Delete the stakeholder and everything about them; the number of rows removed per table. Rows that only mention
 * them among others (a planned activity's stakeholders) lose the mention.
 */
export async function deleteStakeholderData(
  db: DbOrTx,
  orgId: string,
  stakeholderId: string,
  ids: { interactions: string[]; followups: string[]; threads: string[] },
): Promise<Record<string, number>> {
  const run = rawExecutor(db);
  const removed: Record<string, number> = {};
  const del = async (table: string, sql: string, args: (string | number)[]) => {
    removed[table] = (removed[table] ?? 0) + (await run({ sql, args })).rowsAffected;
  };
  const interactionList = jsonList(ids.interactions);
  const targets = jsonList([...ids.interactions, ...ids.followups, stakeholderId]);
  await del('snoozes', 'DELETE FROM snoozes WHERE org_id = ? AND target_id IN (SELECT value FROM json_each(?))', [
    orgId,
    targets,
  ]);
  await del(
    'thread_outcomes',
    'DELETE FROM thread_outcomes WHERE org_id = ? AND thread_key IN (SELECT value FROM json_each(?))',
    [orgId, jsonList(ids.threads)],
  );
  await run({
    sql: 'UPDATE activities SET held_interaction_id = NULL WHERE org_id = ? AND held_interaction_id IN (SELECT value FROM json_each(?))',
    args: [orgId, interactionList],
  });
  await run({
    sql: `UPDATE activities SET stakeholder_ids = (SELECT json_group_array(value) FROM json_each(activities.stakeholder_ids) WHERE value <> ?)
      WHERE org_id = ? AND EXISTS (SELECT 1 FROM json_each(activities.stakeholder_ids) WHERE value = ?)`,
    args: [stakeholderId, orgId, stakeholderId],
  });
  await del('interactions', 'DELETE FROM interactions WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))', [
    orgId,
    interactionList,
  ]);
  await del('followups', 'DELETE FROM followups WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))', [
    orgId,
    jsonList(ids.followups),
  ]);
  await del('survey_responses', 'DELETE FROM survey_responses WHERE org_id = ? AND stakeholder_id = ?', [
    orgId,
    stakeholderId,
  ]);
  await del('media_coverage', 'DELETE FROM media_coverage WHERE org_id = ? AND outlet_stakeholder_id = ?', [
    orgId,
    stakeholderId,
  ]);
  await del(
    'dismissed_handles',
    `DELETE FROM dismissed_handles WHERE org_id = ? AND (kind, value) IN (SELECT kind, value FROM identities WHERE org_id = ? AND stakeholder_id = ?)`,
    [orgId, orgId, stakeholderId],
  );
  await del('identities', 'DELETE FROM identities WHERE org_id = ? AND stakeholder_id = ?', [orgId, stakeholderId]);
  await del('stakeholders', 'DELETE FROM stakeholders WHERE org_id = ? AND id = ?', [orgId, stakeholderId]);
  return removed;
}
