import { TRPCError } from '@trpc/server';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { ulid } from 'ulid';
import { liveChannels, type Stakeholder } from '@comms-log/shared';
import type { Db, DbOrTx } from '../db/client';
import { identities, snoozes, stakeholders } from '../db/schema';
import { inList, int } from '../db/sql-values';
import { emptyScope, recomputeScope, type DeriveScope } from './derive';
import { getStakeholder, updateStakeholder, type StakeholderFields } from './directory';
import { currentPlan } from './plans';
import { reserveSeq } from './seq';

/*
 * Folding one stakeholder into another. Everything that points at the merged one moves
 * to the kept one in one transaction, and every moved row takes a new change sequence number so `sync.pull` sends
 * it. Interactions keep the stakeholder type they were logged with (figures of past periods stay as reported).
 */

/**
 * Set `set` on the rows of `table` (interactions or followups) that `where` selects, giving each its own next
 * change sequence number (pull pages by sequence: rows must not share one). Returns how many rows changed.
 */
export async function updateWithSeq(
  db: DbOrTx,
  orgId: string,
  table: 'interactions' | 'followups',
  set: SQL,
  where: SQL,
  now: number,
): Promise<number> {
  const t = sql.raw(table);
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${t} WHERE org_id = ${orgId} AND ${where}`,
  );
  const count = Number(n);
  if (count === 0) return 0;
  const first = await reserveSeq(db, orgId, count);
  await db.run(sql`
    UPDATE ${t} SET ${set}, seq = ${int(first - 1)} + v.rn, updated_at = ${int(now)}
    FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS rn FROM ${t} WHERE org_id = ${orgId} AND ${where}) AS v
    WHERE ${t}.id = v.id`);
  return count;
}

/** What re-pointing rows to `stakeholderId` makes stale: their threads, and the waits their live events may answer. */
export async function scopeOfRows(db: DbOrTx, orgId: string, where: SQL, stakeholderId: string): Promise<DeriveScope> {
  const scope = emptyScope();
  const rows = await db.all<{ thread_key: string; live_from: number | null }>(sql`
    SELECT thread_key, min(CASE WHEN channel IN (${inList(liveChannels)}) AND deleted = 0 THEN occurred_at END) AS live_from
    FROM interactions WHERE org_id = ${orgId} AND ${where} GROUP BY thread_key`);
  for (const r of rows) {
    scope.threadKeys.add(r.thread_key);
    if (r.live_from !== null) {
      const since = scope.liveStakeholders.get(stakeholderId);
      scope.liveStakeholders.set(stakeholderId, since === undefined ? r.live_from : Math.min(since, r.live_from));
    }
  }
  return scope;
}

/**
 * Merge `mergeId` into `keepId`: identities, interactions (stakeholder only), follow-ups and cadence snoozes move;
 * blanks of the kept one (organization, owner) are filled from the merged one; the merged one becomes inactive;
 * the derived response fields of the moved threads are recomputed (a call with the merged one may now answer a
 * wait of the kept one). CONFLICT for the same id, NOT_FOUND when either is not the org's.
 */
export async function mergeStakeholders(
  db: Db,
  orgId: string,
  input: { keepId: string; mergeId: string },
  now = Date.now(),
): Promise<Stakeholder> {
  const { keepId, mergeId } = input;
  if (keepId === mergeId)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'A stakeholder cannot be merged into itself: pick two different ones.',
    });
  return db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), sql`${stakeholders.id} IN (${keepId}, ${mergeId})`));
    const keep = found.find((s) => s.id === keepId);
    const merged = found.find((s) => s.id === mergeId);
    for (const [id, row] of [
      [keepId, keep],
      [mergeId, merged],
    ] as const) {
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
    }

    // Identities are unique per org, so the two cannot share one; the guard only matters for rows written around the API.
    await tx.run(sql`
      DELETE FROM identities WHERE org_id = ${orgId} AND stakeholder_id = ${mergeId}
        AND EXISTS (SELECT 1 FROM identities k WHERE k.org_id = ${orgId} AND k.stakeholder_id = ${keepId} AND k.kind = identities.kind AND k.value = identities.value)`);
    await tx
      .update(identities)
      .set({ stakeholderId: keepId })
      .where(and(eq(identities.orgId, orgId), eq(identities.stakeholderId, mergeId)));

    const ofMerged = sql`stakeholder_id = ${mergeId}`;
    const scope = await scopeOfRows(tx, orgId, ofMerged, keepId);
    await updateWithSeq(tx, orgId, 'interactions', sql`stakeholder_id = ${keepId}`, ofMerged, now);
    await updateWithSeq(tx, orgId, 'followups', sql`stakeholder_id = ${keepId}`, ofMerged, now);

    // A user's cadence snooze of the merged one now hides the kept one; when they snoozed both, the later one wins.
    const cadenceSnoozes = await tx
      .select()
      .from(snoozes)
      .where(and(eq(snoozes.orgId, orgId), eq(snoozes.kind, 'cadence'), eq(snoozes.targetId, mergeId)));
    for (const z of cadenceSnoozes) {
      await tx
        .insert(snoozes)
        .values({
          id: ulid(now),
          orgId,
          userId: z.userId,
          kind: 'cadence',
          targetId: keepId,
          until: z.until,
          createdAt: z.createdAt,
        })
        .onConflictDoUpdate({
          target: [snoozes.orgId, snoozes.userId, snoozes.kind, snoozes.targetId],
          set: { until: sql`max(${snoozes.until}, excluded.until)` },
        });
    }
    await tx
      .delete(snoozes)
      .where(and(eq(snoozes.orgId, orgId), eq(snoozes.kind, 'cadence'), eq(snoozes.targetId, mergeId)));

    await updateStakeholder(tx, orgId, mergeId, { active: false }, undefined, now);
    const fill: Partial<StakeholderFields> = {};
    if (keep!.organization === null && merged!.organization !== null) fill.organization = merged!.organization;
    if (keep!.ownerUserId === null && merged!.ownerUserId !== null) fill.ownerUserId = merged!.ownerUserId;
    await updateStakeholder(tx, orgId, keepId, fill, undefined, now);

    if (scope.threadKeys.size) {
      const { plan } = await currentPlan(tx, orgId);
      await recomputeScope(tx, orgId, plan, scope, now);
    }
    return getStakeholder(tx, orgId, keepId);
  });
}
