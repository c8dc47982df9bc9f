import { inArray } from 'drizzle-orm';
import { ulid } from 'ulid';
import {
  threadResolutionAt,
  type ThreadDetail,
  type threadGetInputSchema,
  type threadReopenInputSchema,
  type threadResolveInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { fromIso, toIso } from '../../iso';
import { nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';
import { outcomesOf, recordOutcome, visibleThread } from './outcomes';

/* `threads.*`: a conversation's outcome, by its thread key. */

/** The thread's state now and its outcomes with who made them, oldest first. */
async function threadDetail(db: DbOrTx, user: ServiceUser, threadKey: string): Promise<ThreadDetail> {
  const facts = await visibleThread(db, user, threadKey);
  const events = await outcomesOf(db, user.orgId, threadKey);
  const userIds = [...new Set(events.map((e) => e.userId))];
  const names = new Map(
    userIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  const state = threadResolutionAt(
    events.map((e) => ({ kind: e.event, atMs: e.at })),
    Number.POSITIVE_INFINITY,
  );
  return {
    threadKey,
    openedAt: toIso(facts.firstAt),
    resolved: state.resolved,
    resolvedAt: state.resolvedAtMs === null ? null : toIso(state.resolvedAtMs),
    events: events.map((e) => ({
      id: e.id,
      event: e.event,
      at: toIso(e.at),
      userId: e.userId,
      userName: names.get(e.userId) ?? null,
      note: e.note,
      createdAt: toIso(e.createdAt),
    })),
  };
}

/** `threads.get`: staff see the conversations they logged in, managers the org's. */
export function getThread(ctx: ServiceCtx, input: z.output<typeof threadGetInputSchema>): Promise<ThreadDetail> {
  return threadDetail(ctx.db, ctx.user, input.threadKey);
}

/** `threads.resolve`: mark the conversation resolved at `resolvedAt` (backdating allowed, not before it began). */
export function resolveThread(
  ctx: ServiceCtx,
  input: z.output<typeof threadResolveInputSchema>,
): Promise<ThreadDetail> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const outcome = { id: ulid(now), threadKey: input.threadKey, event: 'resolved' as const };
    await recordOutcome(tx, ctx.user, { ...outcome, at: fromIso(input.resolvedAt), note: input.note ?? null }, now);
    return threadDetail(tx, ctx.user, input.threadKey);
  });
}

/** `threads.reopen`: reopen a resolved conversation at `reopenedAt`, or now. */
export function reopenThread(ctx: ServiceCtx, input: z.output<typeof threadReopenInputSchema>): Promise<ThreadDetail> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const at = input.reopenedAt === undefined ? now : fromIso(input.reopenedAt);
    const outcome = { id: ulid(now), threadKey: input.threadKey, event: 'reopened' as const, at, note: null };
    await recordOutcome(tx, ctx.user, outcome, now);
    return threadDetail(tx, ctx.user, input.threadKey);
  });
}
