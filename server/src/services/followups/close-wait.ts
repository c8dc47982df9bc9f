import { TRPCError } from '@trpc/server';
import { ulid } from 'ulid';
import type { WaitClosureInput, WaitClosureResult } from '@comms-log/shared';
import { waitClosures } from '../../db/schema';
import { fromIso, toIso } from '../../iso';
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
    const closedAt = closureTime(input.closedAt, w.occurredAt, now);
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
        closedAt,
      })
      .onConflictDoUpdate({
        target: [waitClosures.orgId, waitClosures.interactionId],
        set: { reason: input.reason, closedBy: user.id, closedAt },
      });
    const { plan } = await currentPlan(tx, user.orgId);
    const scope = emptyScope();
    scope.threadKeys.add(w.threadKey);
    await recomputeScope(tx, user.orgId, plan, scope, now);
    return { interactionId: input.interactionId, status: 'closed' as const };
  });
}

/**
 * When the wait closes: `closedAt` as given (a closure recorded afterwards), else now. BAD_REQUEST when it lies in
 * the future or before the wait started, since neither can be true.
 */
function closureTime(closedAt: string | undefined, startMs: number, now: number): number {
  if (closedAt === undefined) return now;
  const ms = fromIso(closedAt);
  if (ms > now)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `closedAt: ${closedAt} is in the future; a closure can be recorded for now or an earlier time.`,
    });
  if (ms < startMs)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `closedAt: ${closedAt} is before the wait started (${toIso(startMs)}); a wait closes after it starts.`,
    });
  return ms;
}
