import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { directoryMergeInputSchema, Stakeholder } from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { dropSharedIdentities, moveStakeholderRows, threadsOfStakeholder } from '../../db/queries/directory';
import { identities, snoozes, stakeholders, type StakeholderRow } from '../../db/schema';
import { recomputeScope, scopeOfThreads } from '../derive';
import { currentPlan } from '../plans';
import { record } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { readStakeholder, writeStakeholder, type StakeholderFields } from './stakeholders';

/*
 * Folding one stakeholder into another. Everything that points at the merged one moves
 * to the kept one in one transaction, and every moved row takes a new change sequence number so `sync.pull` sends
 * it. Interactions keep the stakeholder type they were logged with (figures of past periods stay as reported).
 */

/** The org's two stakeholders; NOT_FOUND for the first that is missing. */
async function bothStakeholders(db: DbOrTx, orgId: string, keepId: string, mergeId: string) {
  const found = await db
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
  return { keep: keep!, merged: merged! };
}

/** A user's cadence snooze of the merged one now hides the kept one; when they snoozed both, the later one wins. */
async function moveCadenceSnoozes(db: DbOrTx, orgId: string, mergeId: string, keepId: string, now: number) {
  const ofMerged = and(eq(snoozes.orgId, orgId), eq(snoozes.kind, 'cadence'), eq(snoozes.targetId, mergeId));
  const cadenceSnoozes = await db.select().from(snoozes).where(ofMerged);
  for (const snooze of cadenceSnoozes) {
    await db
      .insert(snoozes)
      .values({
        id: ulid(now),
        orgId,
        userId: snooze.userId,
        kind: 'cadence',
        targetId: keepId,
        until: snooze.until,
        createdAt: snooze.createdAt,
      })
      .onConflictDoUpdate({
        target: [snoozes.orgId, snoozes.userId, snoozes.kind, snoozes.targetId],
        set: { until: sql`max(${snoozes.until}, excluded.until)` },
      });
  }
  await db.delete(snoozes).where(ofMerged);
}

/** Deactivate the merged one, and fill the blanks of the kept one (organization, owner) from it. */
async function settleMerged(db: DbOrTx, orgId: string, keep: StakeholderRow, merged: StakeholderRow, now: number) {
  await writeStakeholder(db, orgId, merged.id, { active: false }, undefined, now);
  const fill: Partial<StakeholderFields> = {};
  if (keep.organization === null && merged.organization !== null) fill.organization = merged.organization;
  if (keep.ownerUserId === null && merged.ownerUserId !== null) fill.ownerUserId = merged.ownerUserId;
  await writeStakeholder(db, orgId, keep.id, fill, undefined, now);
}

/**
 * Merge `mergeId` into `keepId`: identities, interactions (stakeholder only), follow-ups, survey responses, coverage
 * items (as their outlet) and cadence snoozes move;
 * blanks of the kept one (organization, owner) are filled from the merged one; the merged one becomes inactive;
 * the derived response fields of the moved threads are recomputed (a call with the merged one may now answer a
 * wait of the kept one). CONFLICT for the same id, NOT_FOUND when either is not the org's.
 */
export async function mergeStakeholders(
  ctx: ServiceCtx,
  input: z.output<typeof directoryMergeInputSchema>,
): Promise<Stakeholder> {
  const { keepId, mergeId } = input;
  const orgId = ctx.user.orgId;
  const now = nowOf(ctx);
  if (keepId === mergeId)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'A stakeholder cannot be merged into itself: pick two different ones.',
    });
  return ctx.db.transaction(async (tx) => {
    const { keep, merged } = await bothStakeholders(tx, orgId, keepId, mergeId);
    await dropSharedIdentities(tx, orgId, mergeId, keepId);
    await tx
      .update(identities)
      .set({ stakeholderId: keepId })
      .where(and(eq(identities.orgId, orgId), eq(identities.stakeholderId, mergeId)));

    const scope = scopeOfThreads(await threadsOfStakeholder(tx, orgId, mergeId), keepId);
    await moveStakeholderRows(tx, orgId, 'interactions', mergeId, keepId, now);
    await moveStakeholderRows(tx, orgId, 'followups', mergeId, keepId, now);
    await moveStakeholderRows(tx, orgId, 'survey_responses', mergeId, keepId, now);
    await moveStakeholderRows(tx, orgId, 'media_coverage', mergeId, keepId, now);
    await moveCadenceSnoozes(tx, orgId, mergeId, keepId, now);
    await settleMerged(tx, orgId, keep, merged, now);

    if (scope.threadKeys.size) {
      const { plan } = await currentPlan(tx, orgId);
      await recomputeScope(tx, orgId, plan, scope, now);
    }
    await record({ ...ctx, db: tx }, { action: 'stakeholder.merge', target: keepId, detail: { keepId, mergeId } });
    return readStakeholder(tx, orgId, keepId);
  });
}
