import { TRPCError } from '@trpc/server';
import { and, desc, eq, gte, lt, ne, or } from 'drizzle-orm';
import {
  ACTIVITY_ENDS_BEFORE_START,
  type Activity,
  type ActivityData,
  type ActivityListResult,
  type activityListInputSchema,
  type activityUpdateInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { heldInteraction } from '../../db/queries/plan-execution';
import { stakeholders, users } from '../../db/schema';
import { activities, type ActivityRow } from '../../db/tables/plan-execution';
import { fromIso } from '../../iso';
import { decodePageCursor, keysetPage } from '../page-cursor';
import { isManager, nowOf, type ServiceCtx } from '../service-ctx';
import { toActivity } from './rows';

/*
 * The communication calendar: planned activities (docs/metrics.md "Goals", execution rate). Staff plan and change
 * their own; managers and admins anyone's in the org.
 */

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** Staff may only plan for themselves; the owner is an active user of the org. */
async function checkOwner(ctx: ServiceCtx, ownerUserId: string): Promise<void> {
  if (!isManager(ctx.user) && ownerUserId !== ctx.user.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'you can only plan activities you own' });
  const [owner] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, ctx.user.orgId), eq(users.id, ownerUserId), eq(users.active, true)));
  if (!owner) throw badRequest(`ownerUserId: no active user ${ownerUserId} in your org`);
}

async function checkStakeholders(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.select({ id: stakeholders.id }).from(stakeholders).where(eq(stakeholders.orgId, orgId))).map((s) => s.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badRequest(`stakeholderIds: no stakeholder ${missing.join(', ')} in your org`);
}

/** The held interaction's time and headcounts; refused unless it is the org's and not deleted. */
async function heldFields(ctx: ServiceCtx, id: string | null) {
  if (id === null) return { heldInteractionId: null, heldAt: null, invited: null, attended: null };
  const row = await heldInteraction(ctx.db, ctx.user.orgId, id);
  if (!row) throw badRequest(`heldInteractionId: no interaction ${id} in your org`);
  return { heldInteractionId: row.id, heldAt: row.occurred_at, invited: row.invited, attended: row.attended };
}

type Columns = Omit<ActivityRow, 'id' | 'orgId' | 'createdBy' | 'createdAt' | 'updatedAt'>;

/** Check an activity as it would be stored, and give its columns. */
async function checkedColumns(ctx: ServiceCtx, d: Omit<ActivityData, 'id'>, prev?: ActivityRow): Promise<Columns> {
  const startAt = fromIso(d.startAt);
  const endAt = fromIso(d.endAt);
  if (endAt < startAt) throw badRequest(`endAt: ${ACTIVITY_ENDS_BEFORE_START}`);
  if (d.heldInteractionId !== undefined && d.status !== 'held')
    throw badRequest('heldInteractionId: only an activity marked held links the interaction logged for it');
  if (d.ownerUserId !== prev?.ownerUserId) await checkOwner(ctx, d.ownerUserId);
  await checkStakeholders(ctx.db, ctx.user.orgId, d.stakeholderIds);
  const keepHeld = d.status === 'held' && d.heldInteractionId === prev?.heldInteractionId;
  const held =
    keepHeld && prev ? prev : await heldFields(ctx, d.status === 'held' ? (d.heldInteractionId ?? null) : null);
  return {
    title: d.title,
    stakeholderType: d.stakeholderType,
    stakeholderIds: d.stakeholderIds,
    channel: d.channel,
    ownerUserId: d.ownerUserId,
    startAt,
    endAt,
    milestones: d.milestones,
    recurrence: d.recurrence,
    status: d.status,
    heldInteractionId: held.heldInteractionId,
    heldAt: held.heldAt,
    invited: held.invited,
    attended: held.attended,
  };
}

/** The stored activity: NOT_FOUND for another org's id, FORBIDDEN when staff would change one they do not own. */
async function ownActivity(ctx: ServiceCtx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await ctx.db.select().from(activities).where(eq(activities.id, id));
  if (!row) return undefined;
  if (row.orgId !== ctx.user.orgId)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'this id is already used by another record; generate a new ULID',
    });
  if (!isManager(ctx.user) && row.ownerUserId !== ctx.user.id && row.createdBy !== ctx.user.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'you can only change activities you own' });
  return row;
}

/** `activities.create`: a new planned activity; the same id again is a replay and changes nothing. */
export async function createActivity(ctx: ServiceCtx, d: ActivityData): Promise<Activity> {
  const prev = await ownActivity(ctx, d.id);
  if (prev) return toActivity(prev);
  const now = nowOf(ctx);
  const row: ActivityRow = {
    id: d.id,
    orgId: ctx.user.orgId,
    ...(await checkedColumns(ctx, d)),
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.insert(activities).values(row);
  return toActivity(row);
}

/** `activities.update`: change the fields given; marking it held links its interaction and takes its headcounts. */
export async function updateActivity(
  ctx: ServiceCtx,
  input: z.output<typeof activityUpdateInputSchema>,
): Promise<Activity> {
  const prev = await ownActivity(ctx, input.id);
  if (!prev) throw new TRPCError({ code: 'NOT_FOUND', message: `no activity ${input.id} in your org` });
  const current = toActivity(prev);
  const { id: _id, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  // The stored link only carries over while the activity stays held: setting it back to planned, not held or
  // cancelled drops the link (and its headcounts) instead of being refused for it.
  const status = (defined.status as Activity['status'] | undefined) ?? current.status;
  const carried = status === 'held' ? (current.heldInteractionId ?? undefined) : undefined;
  const merged = { ...current, heldInteractionId: carried, ...defined };
  const columns = await checkedColumns(ctx, merged, prev);
  const row: ActivityRow = { ...prev, ...columns, updatedAt: nowOf(ctx) };
  await ctx.db.update(activities).set(row).where(eq(activities.id, prev.id));
  return toActivity(row);
}

/** `activities.list`: newest start first; staff see the ones they own. */
export async function listActivities(
  ctx: ServiceCtx,
  input: z.output<typeof activityListInputSchema>,
): Promise<ActivityListResult> {
  const t = activities;
  const cursor = decodePageCursor(input.cursor);
  const owner = isManager(ctx.user) ? input.ownerUserId : ctx.user.id;
  if (!isManager(ctx.user) && input.ownerUserId !== undefined && input.ownerUserId !== ctx.user.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'staff can only list the activities they own' });
  const rows = await ctx.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.orgId, ctx.user.orgId),
        owner === undefined ? undefined : eq(t.ownerUserId, owner),
        input.status === undefined ? undefined : eq(t.status, input.status),
        // A recurring activity that started before the range may repeat in it.
        input.from === undefined ? undefined : or(gte(t.startAt, fromIso(input.from)), ne(t.recurrence, 'none')),
        input.to === undefined ? undefined : lt(t.startAt, fromIso(input.to)),
        cursor ? or(lt(t.startAt, cursor.at), and(eq(t.startAt, cursor.at), lt(t.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(t.startAt), desc(t.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.startAt, id: last.id }));
  return { items: page.map(toActivity), nextCursor };
}
