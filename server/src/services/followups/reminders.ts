import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Followup, FollowupData, FollowupIdInput } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { followups, stakeholders, type FollowupRow } from '../../db/schema';
import { fromIso, fromIsoOrNull } from '../../iso';
import { isManager, nowOf, type ServiceCtx } from '../service-ctx';
import { toFollowup } from '../sync/rows';

/* Reminders (follow-ups) a user sets: created, completed and snoozed on their own row, which syncs to the popup. */

/** A follow-up of the org the caller may change: their own, or any for a manager. */
export async function ownFollowup(ctx: ServiceCtx, id: string): Promise<FollowupRow> {
  const [row] = await ctx.db
    .select()
    .from(followups)
    .where(and(eq(followups.orgId, ctx.user.orgId), eq(followups.id, id)));
  if (!row || row.deleted) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no follow-up ${id}.` });
  if (row.userId !== ctx.user.id && !isManager(ctx.user)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only change your own follow-ups.' });
  }
  return row;
}

/** Change a follow-up's row at `now`, with the next change sequence of its org. */
export async function updateFollowup(
  db: DbOrTx,
  row: FollowupRow,
  set: Partial<FollowupRow>,
  now: number,
): Promise<Followup> {
  const seq = await reserveSeq(db, row.orgId, 1);
  const next = { ...row, ...set, updatedAt: now, seq };
  await db
    .update(followups)
    .set({ ...set, updatedAt: now, seq })
    .where(and(eq(followups.orgId, row.orgId), eq(followups.id, row.id)));
  return toFollowup(next);
}

async function assertStakeholderInOrg(db: DbOrTx, orgId: string, stakeholderId: string): Promise<void> {
  const [s] = await db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, stakeholderId)));
  if (!s)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `stakeholderId: no stakeholder ${stakeholderId} in your org.`,
    });
}

/** A reminder for the caller. Creating the same id again returns the stored one (retries are harmless). */
export async function createFollowup(ctx: ServiceCtx, input: FollowupData): Promise<Followup> {
  const orgId = ctx.user.orgId;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [prev] = await tx.select().from(followups).where(eq(followups.id, input.id));
    if (prev) {
      if (prev.orgId !== orgId || prev.userId !== ctx.user.id) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This id is already used by another record; generate a new ULID.',
        });
      }
      return toFollowup(prev);
    }
    if (input.stakeholderId !== null) await assertStakeholderInOrg(tx, orgId, input.stakeholderId);
    const row: FollowupRow = {
      id: input.id,
      orgId,
      userId: ctx.user.id,
      dueAt: fromIso(input.dueAt),
      note: input.note,
      stakeholderId: input.stakeholderId,
      threadKey: input.threadKey,
      url: input.url,
      status: input.status,
      snoozedUntil: fromIsoOrNull(input.snoozedUntil),
      deleted: false,
      createdAt: now,
      updatedAt: now,
      seq: await reserveSeq(tx, orgId, 1),
    };
    await tx.insert(followups).values(row);
    return toFollowup(row);
  });
}

export async function completeFollowup(ctx: ServiceCtx, input: FollowupIdInput): Promise<Followup> {
  return ctx.db.transaction(async (tx) => {
    const row = await ownFollowup({ ...ctx, db: tx }, input.id);
    if (row.status === 'done') return toFollowup(row);
    return updateFollowup(tx, row, { status: 'done' }, nowOf(ctx));
  });
}
