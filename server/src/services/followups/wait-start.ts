import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { interactions } from '../../db/schema';
import { isManager, type ServiceCtx } from '../service-ctx';

/**
 * The wait that starts at interaction `id` of the org, when the caller may act on it (`action`: snooze, close):
 * waits assigned to them, or any for a manager.
 */
export async function ownWaitStart(ctx: ServiceCtx, id: string, action: 'snooze' | 'close') {
  const [w] = await ctx.db
    .select({
      userId: interactions.userId,
      waitStart: interactions.waitStart,
      deleted: interactions.deleted,
      repliedAt: interactions.repliedAt,
      onTime: interactions.onTime,
      threadKey: interactions.threadKey,
      occurredAt: interactions.occurredAt,
    })
    .from(interactions)
    .where(and(eq(interactions.orgId, ctx.user.orgId), eq(interactions.id, id)));
  if (!w || w.deleted || !w.waitStart)
    throw new TRPCError({ code: 'NOT_FOUND', message: `There is no wait starting at interaction ${id}.` });
  if (w.userId !== ctx.user.id && !isManager(ctx.user))
    throw new TRPCError({ code: 'FORBIDDEN', message: `You can only ${action} waits assigned to you.` });
  return w;
}
