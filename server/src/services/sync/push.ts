import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { PushInput, PushItem, PushResult } from '@comms-log/shared';
import { currentSeq } from '../../db/queries/seq';
import { orgs } from '../../db/schema';
import { loadNeverLog } from '../org/never-log';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import type { PushBatch } from './batch';
import { changedRows, deriveBatch, writeInteractions } from './derive-batch';
import { applyCoverage, applyThreadOutcomes } from './evaluation';
import { applyFollowups } from './followups';
import { pushItemByItem } from './item-by-item';
import { refuseErased, refuseErasedHandles } from './push-erased';
import { mergeInteractions } from './merge-interactions';
import { knownStakeholders, validateItems, type InteractionOp } from './validate';

/** The plan's purpose ids, read only when an interaction of the push names one (retired ones included). */
async function planPurposes(batch: PushBatch, ops: readonly InteractionOp[]): Promise<ReadonlySet<string>> {
  if (!ops.some((op) => op.kind === 'iupsert' && op.data.purpose !== null)) return new Set();
  const { plan } = await currentPlan(batch.tx, batch.orgId);
  return new Set(plan.purposes.map((p) => p.id));
}

/**
 * Apply a push batch (docs/sync.md): every item is checked on its own (a bad one is rejected with its
 * reason), and all valid items apply in one transaction; should that fail unexpectedly, the items apply one by one
 * and only those that fail again are rejected ({@link pushItemByItem}). Replaying a batch changes nothing. A message already
 * stored under the same (source, externalId) — logged by someone else, or again — is merged into that row.
 * Then the derived response fields of every affected thread (and stakeholder, for live events) are recomputed.
 */
export async function push(ctx: ServiceCtx, input: PushInput): Promise<PushResult> {
  try {
    return await pushBatch(ctx, input.items);
  } catch (e) {
    // A refusal is the caller's to see; anything else is retried item by item, so that it rejects only its item.
    if (e instanceof TRPCError) throw e;
    return pushItemByItem(ctx, input.items, pushBatch);
  }
}

/** The batch in one transaction (see {@link push}); inside an open one, a savepoint. */
export async function pushBatch(ctx: ServiceCtx, items: readonly PushItem[]): Promise<PushResult> {
  const { user } = ctx;
  const orgId = user.orgId;
  return ctx.db.transaction(async (tx) => {
    const batch: PushBatch = { tx, orgId, user, now: nowOf(ctx), applied: [], rejected: [] };
    const [org] = await tx.select({ captureLevel: orgs.captureLevel }).from(orgs).where(eq(orgs.id, orgId));
    if (!org) throw new Error(`org ${orgId} not found`);
    const never = await loadNeverLog(tx, orgId, user.id);

    // 1. Validate each item; the last item for an id wins within a batch.
    // Nothing may bring back a stakeholder erased on request, whatever a device offline at the time still holds.
    const { interactionOps, followupOps, outcomeOps, coverageOps } = await refuseErasedHandles(
      batch,
      await refuseErased(batch, validateItems(batch, items, never)),
    );
    // 2. Stakeholders referenced must be the org's, purposes the plan's.
    const stakeholders = await knownStakeholders(batch, [...interactionOps, ...followupOps]);
    const purposes = await planPurposes(batch, interactionOps);
    // 3. Interactions: merged with the stored rows, by id and by (source, externalId).
    const { stored, final } = await mergeInteractions(batch, interactionOps, {
      captureLevel: org.captureLevel,
      stakeholders,
      purposes,
    });
    // 4. What changed, and the derived fields of the threads and stakeholders it touches.
    const { toWrite, scope } = changedRows(stored, final);
    const derivedUpdates = await deriveBatch(batch, toWrite, scope);
    // 5. Write: one change-sequence number per changed row.
    await writeInteractions(batch, toWrite, derivedUpdates);
    // 6. Follow-ups.
    await applyFollowups(batch, followupOps, stakeholders);
    // 7. Evaluation records: conversation outcomes (after the interactions they are about) and coverage.
    await applyThreadOutcomes(batch, outcomeOps);
    await applyCoverage(batch, coverageOps);

    // The counter as this transaction leaves it: the last number it reserved, or a read when it reserved none.
    const cursor = batch.reservedTop ?? (await currentSeq(tx, orgId));
    return { applied: batch.applied, rejected: batch.rejected, cursor };
  });
}
