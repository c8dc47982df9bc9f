import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { SnoozeInput, SnoozeResult } from '@comms-log/shared';
import { snoozes, stakeholders } from '../../db/schema';
import { fromIso, toIso } from '../../iso';
import { isManager, nowOf, type ServiceCtx } from '../service-ctx';
import { ownFollowup, updateFollowup } from './reminders';
import { ownWaitStart } from './wait-start';

/** A stakeholder whose cadence the caller may snooze: theirs, nobody's, or any for a manager. */
async function assertMaySnoozeCadence(ctx: ServiceCtx, stakeholderId: string): Promise<void> {
  const [s] = await ctx.db
    .select({ ownerUserId: stakeholders.ownerUserId })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, ctx.user.orgId), eq(stakeholders.id, stakeholderId)));
  if (!s) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no stakeholder ${stakeholderId}.` });
  if (s.ownerUserId !== null && s.ownerUserId !== ctx.user.id && !isManager(ctx.user)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: "You can only snooze the cadence of stakeholders you own (or nobody's).",
    });
  }
}

/**
 * Hide an item from the caller's list until `until`. A follow-up keeps it on its own row (`snoozed_until`, so it
 * syncs to the popup); a wait or a stakeholder's cadence gets a snooze of the caller's.
 */
export async function snoozeItem(ctx: ServiceCtx, input: SnoozeInput): Promise<SnoozeResult> {
  const { user } = ctx;
  const now = nowOf(ctx);
  const until = fromIso(input.until);
  const result = { kind: input.kind, id: input.id, until: toIso(until) };
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (input.kind === 'followup') {
      await updateFollowup(tx, await ownFollowup(txCtx, input.id), { snoozedUntil: until }, now);
      return result;
    }
    if (input.kind === 'wait') await ownWaitStart(txCtx, input.id, 'snooze');
    else await assertMaySnoozeCadence(txCtx, input.id);
    await tx
      .insert(snoozes)
      .values({
        id: ulid(now),
        orgId: user.orgId,
        userId: user.id,
        kind: input.kind,
        targetId: input.id,
        until,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [snoozes.orgId, snoozes.userId, snoozes.kind, snoozes.targetId],
        set: { until, createdAt: now },
      });
    return result;
  });
}
