import { TRPCError } from '@trpc/server';
import { ulid } from 'ulid';
import type { WaitClosureInput, WaitClosureResult } from '@comms-log/shared';
import { waitClosures } from '../../db/schema';
import { emptyScope, recomputeScope } from '../derive';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { ownWaitStart } from './wait-start';

/**
 * "No reply needed": record the closure with its reason and recompute the thread with the shared pairing, so
 * the wait counts as neither on time nor late. Only an open wait can be closed.
 */
export async function closeWait(ctx: ServiceCtx, input: WaitClosureInput): Promise<WaitClosureResult> {
  const { user } = ctx;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const w = await ownWaitStart({ ...ctx, db: tx }, input.interactionId, 'close');
    if (w.repliedAt !== null)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'This wait was already answered; there is nothing to close.',
      });
    if (w.onTime === 'closed')
      throw new TRPCError({ code: 'CONFLICT', message: 'This wait is already closed as "no reply needed".' });
    await tx
      .insert(waitClosures)
      .values({
        id: ulid(now),
        orgId: user.orgId,
        interactionId: input.interactionId,
        reason: input.reason,
        closedBy: user.id,
        closedAt: now,
      })
      .onConflictDoUpdate({
        target: [waitClosures.orgId, waitClosures.interactionId],
        set: { reason: input.reason, closedBy: user.id, closedAt: now },
      });
    const { plan } = await currentPlan(tx, user.orgId);
    const scope = emptyScope();
    scope.threadKeys.add(w.threadKey);
    await recomputeScope(tx, user.orgId, plan, scope, now);
    return { interactionId: input.interactionId, status: 'closed' as const };
  });
}
