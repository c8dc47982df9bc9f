import { TRPCError } from '@trpc/server';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { ulid } from 'ulid';
import {
  computeOverdue,
  openWait,
  resolveSla,
  type Channel,
  type Closure,
  type Followup,
  type FollowupData,
  type OverdueFollowup,
  type OverdueInteraction,
  type OverdueResult,
  type OverdueSnooze,
  type OverdueStakeholder,
  type SnoozeInput,
  type StakeholderType,
  type Wait,
  type WaitClosureInput,
} from '@comms-log/shared';
import type { AuthUser } from '../context';
import type { Db, DbOrTx } from '../db/client';
import { followups, interactions, snoozes, stakeholders, users, waitClosures, type FollowupRow } from '../db/schema';
import { inList, int } from '../db/sql-values';
import { fromIso, fromIsoOrNull, toIso } from '../iso';
import { lastContactsOfOurs, selectCadenceStakeholders } from './cadence-inputs';
import { emptyScope, recomputeScope } from './derive';
import { currentPlan } from './plans';
import { reserveSeq } from './seq';
import { toFollowup } from './sync';

/*
 * Follow-ups (docs/metrics.md "Follow-ups"): the list is computed by the shared `computeOverdue`, the same function the
 * popup runs offline, over only the rows it needs: open waits (unanswered, not closed), active stakeholders with
 * their last contact of ours per channel, open follow-ups due by tomorrow, and live snoozes.
 */

const DAY_MS = 86_400_000;

export interface FollowupsCtx {
  db: Db;
  user: Pick<AuthUser, 'id' | 'orgId' | 'role'>;
}

const isManager = (user: FollowupsCtx['user']) => user.role === 'manager' || user.role === 'admin';

async function assertUserInOrg(db: DbOrTx, orgId: string, userId: string) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!u) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no user ${userId} in your org.` });
}

/** Whose list the caller asks for: staff always their own; managers another user's, or the team's (null). */
async function listOwner(
  ctx: FollowupsCtx,
  input: { userId?: string | undefined; team?: boolean | undefined },
): Promise<string | null> {
  const { user } = ctx;
  if (!isManager(user)) {
    if (input.team || (input.userId && input.userId !== user.id)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Staff see only their own follow-ups; ask a manager for the team list.',
      });
    }
    return user.id;
  }
  if (input.team) return null;
  if (input.userId && input.userId !== user.id) {
    await assertUserInOrg(ctx.db, user.orgId, input.userId);
    return input.userId;
  }
  return user.id;
}

/* ---------- followups.overdue ---------- */

export async function overdueList(
  ctx: FollowupsCtx,
  input: { userId?: string | undefined; team?: boolean | undefined; asOf?: string | undefined },
  now = Date.now(),
): Promise<OverdueResult> {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const forUserId = await listOwner(ctx, input);
  const asOfMs = input.asOf ? fromIso(input.asOf) : now;
  const { plan } = await currentPlan(db, orgId);
  const userIs = (col: string) => (forUserId === null ? sql`1 = 1` : sql`${sql.raw(col)} = ${forUserId}`);

  // Open waits: the partial index `interactions_unanswered` holds exactly these rows.
  const open = await db.all<{
    id: string;
    thread_key: string;
    stakeholder_id: string | null;
    stakeholder_name: string | null;
    stakeholder_type: StakeholderType;
    channel: Channel;
    user_id: string;
    occurred_at: number;
    deadline_at: number;
    first_response: number;
    title: string | null;
    url: string | null;
  }>(sql`
    SELECT i.id, i.thread_key, i.stakeholder_id, s.name AS stakeholder_name, i.stakeholder_type, i.channel, i.user_id, i.occurred_at,
      i.deadline_at, i.first_response, i.title, i.url
    FROM interactions i LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
    WHERE i.org_id = ${orgId} AND i.wait_start = 1 AND i.replied_at IS NULL AND i.deleted = 0 AND i.on_time = 'pending'
      AND i.deadline_at IS NOT NULL AND i.occurred_at <= ${int(asOfMs)} AND ${userIs('i.user_id')}`);

  const waits: Wait[] = [];
  const events: OverdueInteraction[] = [];
  for (const r of open) {
    waits.push(
      openWait({
        id: r.id,
        threadKey: r.thread_key,
        stakeholderId: r.stakeholder_id,
        stakeholderType: r.stakeholder_type,
        channel: r.channel,
        userId: r.user_id,
        startMs: r.occurred_at,
        slaLimit: resolveSla(plan, r.stakeholder_type, r.channel),
        deadlineMs: r.deadline_at,
        firstInConversation: r.first_response === 1,
      }),
    );
    events.push({
      id: r.id,
      threadKey: r.thread_key,
      stakeholderId: r.stakeholder_id,
      stakeholderType: r.stakeholder_type,
      channel: r.channel,
      direction: 'inbound',
      occurredAtMs: r.occurred_at,
      userId: r.user_id,
      title: r.title,
      url: r.url,
      stakeholderName: r.stakeholder_name,
    });
  }

  // Stakeholders the list may show: the owner's (and unowned ones they dealt with), or everyone's for the team.
  let touched = new Set<string>();
  if (forUserId !== null) {
    const rows = await db.all<{ stakeholder_id: string }>(sql`
      SELECT DISTINCT i.stakeholder_id FROM interactions i
      WHERE i.org_id = ${orgId} AND i.user_id = ${forUserId} AND i.deleted = 0 AND i.stakeholder_id IS NOT NULL`);
    touched = new Set(rows.map((r) => r.stakeholder_id));
  }
  const people = await selectCadenceStakeholders(
    db,
    sql`s.org_id = ${orgId} AND s.active = 1
      ${forUserId === null ? sql`` : sql`AND (s.owner_user_id = ${forUserId} OR (s.owner_user_id IS NULL AND s.id IN (SELECT DISTINCT i.stakeholder_id FROM interactions i WHERE i.org_id = ${orgId} AND i.user_id = ${forUserId} AND i.deleted = 0 AND i.stakeholder_id IS NOT NULL)))`}`,
  );
  const stakeholderRows: OverdueStakeholder[] = people.map((p) => ({ ...p, active: true }));

  // Cadence reads only each stakeholder's last contact of ours per channel: condense in SQL to one event each.
  if (people.length) {
    const typeOf = new Map(people.map((p) => [p.id, p.type]));
    const contacts = await lastContactsOfOurs(db, orgId, inList(people.map((p) => p.id)), asOfMs);
    for (const c of contacts) {
      events.push({
        id: `contact:${c.stakeholderId}:${c.channel}`,
        threadKey: `contact:${c.stakeholderId}`,
        stakeholderId: c.stakeholderId,
        stakeholderType: typeOf.get(c.stakeholderId) ?? 'other',
        channel: c.channel,
        direction: 'outbound',
        occurredAtMs: c.atMs,
        // Only the list owner's own interactions mark unowned stakeholders as theirs (`touched` below).
        userId: '',
      });
    }
    for (const id of touched) {
      // Marks that the list owner dealt with this stakeholder; automated, so never a contact of ours.
      events.push({
        id: `touched:${id}`,
        threadKey: `touched:${id}`,
        stakeholderId: id,
        stakeholderType: typeOf.get(id) ?? 'other',
        channel: 'email',
        direction: 'inbound',
        occurredAtMs: 0,
        userId: forUserId!,
        automated: true,
      });
    }
  }

  const followupRows = await db.all<{
    id: string;
    user_id: string;
    due_at: number;
    note: string;
    status: 'open';
    snoozed_until: number | null;
    stakeholder_id: string | null;
    url: string | null;
  }>(sql`
    SELECT f.id, f.user_id, f.due_at, f.note, f.status, f.snoozed_until, f.stakeholder_id, f.url FROM followups f
    WHERE f.org_id = ${orgId} AND f.status = 'open' AND f.deleted = 0 AND f.due_at <= ${int(asOfMs + 2 * DAY_MS)} AND ${userIs('f.user_id')}`);
  const followupList: OverdueFollowup[] = followupRows.map((f) => ({
    id: f.id,
    userId: f.user_id,
    dueAtMs: f.due_at,
    note: f.note,
    status: f.status,
    snoozedUntilMs: f.snoozed_until,
    stakeholderId: f.stakeholder_id,
    url: f.url,
  }));

  const snoozeRows = await db.all<{
    kind: OverdueSnooze['kind'];
    target_id: string;
    until: number;
    user_id: string;
  }>(sql`
    SELECT z.kind, z.target_id, z.until, z.user_id FROM snoozes z
    WHERE z.org_id = ${orgId} AND z.until > ${int(asOfMs)} AND ${userIs('z.user_id')}`);

  return computeOverdue({
    plan,
    asOfMs,
    forUserId,
    interactions: events,
    stakeholders: stakeholderRows,
    followups: followupList,
    snoozes: snoozeRows.map((z) => ({ kind: z.kind, id: z.target_id, untilMs: z.until, userId: z.user_id })),
    waits,
  });
}

/* ---------- follow-up rows ---------- */

async function followupOf(ctx: FollowupsCtx, db: DbOrTx, id: string): Promise<FollowupRow> {
  const [row] = await db
    .select()
    .from(followups)
    .where(and(eq(followups.orgId, ctx.user.orgId), eq(followups.id, id)));
  if (!row || row.deleted) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no follow-up ${id}.` });
  if (row.userId !== ctx.user.id && !isManager(ctx.user)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only change your own follow-ups.' });
  }
  return row;
}

async function updateFollowup(db: DbOrTx, row: FollowupRow, set: Partial<FollowupRow>, now: number): Promise<Followup> {
  const seq = await reserveSeq(db, row.orgId, 1);
  const next = { ...row, ...set, updatedAt: now, seq };
  await db
    .update(followups)
    .set({ ...set, updatedAt: now, seq })
    .where(and(eq(followups.orgId, row.orgId), eq(followups.id, row.id)));
  return toFollowup(next);
}

/** A reminder for the caller. Creating the same id again returns the stored one (retries are harmless). */
export async function createFollowup(ctx: FollowupsCtx, input: FollowupData, now = Date.now()): Promise<Followup> {
  const orgId = ctx.user.orgId;
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
    if (input.stakeholderId !== null) {
      const [s] = await tx
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, input.stakeholderId)));
      if (!s)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `stakeholderId: no stakeholder ${input.stakeholderId} in your org.`,
        });
    }
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

export async function completeFollowup(ctx: FollowupsCtx, id: string, now = Date.now()): Promise<Followup> {
  return ctx.db.transaction(async (tx) => {
    const row = await followupOf(ctx, tx, id);
    if (row.status === 'done') return toFollowup(row);
    return updateFollowup(tx, row, { status: 'done' }, now);
  });
}

/**
 * Hide an item from the caller's list until `until`. A follow-up keeps it on its own row (`snoozed_until`, so it
 * syncs to the popup); a wait or a stakeholder's cadence gets a snooze of the caller's.
 */
export async function snoozeItem(
  ctx: FollowupsCtx,
  input: SnoozeInput,
  now = Date.now(),
): Promise<{ kind: SnoozeInput['kind']; id: string; until: string }> {
  const { user } = ctx;
  const until = fromIso(input.until);
  return ctx.db.transaction(async (tx) => {
    if (input.kind === 'followup') {
      const row = await followupOf(ctx, tx, input.id);
      await updateFollowup(tx, row, { snoozedUntil: until }, now);
      return { kind: input.kind, id: input.id, until: toIso(until) };
    }
    if (input.kind === 'wait') {
      const [w] = await tx
        .select({ userId: interactions.userId, waitStart: interactions.waitStart, deleted: interactions.deleted })
        .from(interactions)
        .where(and(eq(interactions.orgId, user.orgId), eq(interactions.id, input.id)));
      if (!w || w.deleted || !w.waitStart)
        throw new TRPCError({ code: 'NOT_FOUND', message: `There is no wait starting at interaction ${input.id}.` });
      if (w.userId !== user.id && !isManager(user))
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only snooze waits assigned to you.' });
    } else {
      const [s] = await tx
        .select({ ownerUserId: stakeholders.ownerUserId })
        .from(stakeholders)
        .where(and(eq(stakeholders.orgId, user.orgId), eq(stakeholders.id, input.id)));
      if (!s) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no stakeholder ${input.id}.` });
      if (s.ownerUserId !== null && s.ownerUserId !== user.id && !isManager(user)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: "You can only snooze the cadence of stakeholders you own (or nobody's).",
        });
      }
    }
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
    return { kind: input.kind, id: input.id, until: toIso(until) };
  });
}

/**
 * "No reply needed": record the closure with its reason and recompute the thread with the shared pairing, so
 * the wait counts as neither on time nor late. Only an open wait can be closed.
 */
export async function closeWait(
  ctx: FollowupsCtx,
  input: WaitClosureInput,
  now = Date.now(),
): Promise<{ interactionId: string; status: 'closed' }> {
  const { user } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [w] = await tx
      .select({
        userId: interactions.userId,
        waitStart: interactions.waitStart,
        deleted: interactions.deleted,
        repliedAt: interactions.repliedAt,
        onTime: interactions.onTime,
        threadKey: interactions.threadKey,
      })
      .from(interactions)
      .where(and(eq(interactions.orgId, user.orgId), eq(interactions.id, input.interactionId)));
    if (!w || w.deleted || !w.waitStart) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `There is no wait starting at interaction ${input.interactionId}.`,
      });
    }
    if (w.userId !== user.id && !isManager(user))
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only close waits assigned to you.' });
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

/* ---------- lists ---------- */

const encodeCursor = (at: number, id: string) => `${at}:${id}`;
function decodeCursor(cursor: string | null): { at: number; id: string } | null {
  if (!cursor) return null;
  const m = /^(\d{1,16}):([\w-]{1,64})$/.exec(cursor);
  if (!m)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This page cursor is not valid: start again from the first page.',
    });
  return { at: Number(m[1]), id: m[2]! };
}

/** The caller's follow-ups (managers: any user's), latest due first. */
export async function listFollowups(
  ctx: FollowupsCtx,
  input: {
    status?: 'open' | 'done' | 'cancelled' | undefined;
    userId?: string | undefined;
    cursor: string | null;
    limit: number;
  },
): Promise<{ items: Followup[]; nextCursor: string | null }> {
  const owner = (await listOwner(ctx, { userId: input.userId }))!;
  const cursor = decodeCursor(input.cursor);
  const rows = await ctx.db
    .select()
    .from(followups)
    .where(
      and(
        eq(followups.orgId, ctx.user.orgId),
        eq(followups.userId, owner),
        eq(followups.deleted, false),
        input.status ? eq(followups.status, input.status) : undefined,
        cursor
          ? sql`(${followups.dueAt} < ${int(cursor.at)} OR (${followups.dueAt} = ${int(cursor.at)} AND ${followups.id} < ${cursor.id}))`
          : undefined,
      ),
    )
    .orderBy(sql`${followups.dueAt} DESC, ${followups.id} DESC`)
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toFollowup),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.dueAt, last.id) : null,
  };
}

/** Managers: the "no reply needed" closures with their reasons, latest first. */
export async function listClosures(
  ctx: FollowupsCtx,
  input: {
    from?: string | undefined;
    to?: string | undefined;
    userId?: string[] | undefined;
    cursor: string | null;
    limit: number;
  },
): Promise<{ items: Closure[]; nextCursor: string | null }> {
  const orgId = ctx.user.orgId;
  const cursor = decodeCursor(input.cursor);
  const parts: SQL[] = [sql`c.org_id = ${orgId}`];
  if (input.from) parts.push(sql`c.closed_at >= ${int(fromIso(input.from))}`);
  if (input.to) parts.push(sql`c.closed_at < ${int(fromIso(input.to))}`);
  if (input.userId?.length) parts.push(sql`i.user_id IN (${inList(input.userId)})`);
  if (cursor)
    parts.push(sql`(c.closed_at < ${int(cursor.at)} OR (c.closed_at = ${int(cursor.at)} AND c.id < ${cursor.id}))`);
  const rows = await ctx.db.all<{
    id: string;
    interaction_id: string;
    reason: string;
    closed_by: string;
    closed_by_name: string | null;
    closed_at: number;
    occurred_at: number;
    user_id: string;
    user_name: string | null;
    stakeholder_id: string | null;
    stakeholder_name: string | null;
    stakeholder_type: StakeholderType;
    channel: Channel;
    title: string | null;
    url: string | null;
  }>(sql`
    SELECT c.id, c.interaction_id, c.reason, c.closed_by, cb.name AS closed_by_name, c.closed_at, i.occurred_at, i.user_id, u.name AS user_name,
      i.stakeholder_id, s.name AS stakeholder_name, i.stakeholder_type, i.channel, i.title, i.url
    FROM wait_closures c
    JOIN interactions i ON i.id = c.interaction_id AND i.org_id = c.org_id
    LEFT JOIN users cb ON cb.id = c.closed_by AND cb.org_id = c.org_id
    LEFT JOIN users u ON u.id = i.user_id AND u.org_id = c.org_id
    LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = c.org_id
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY c.closed_at DESC, c.id DESC LIMIT ${int(input.limit + 1)}`);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      interactionId: r.interaction_id,
      reason: r.reason,
      closedBy: r.closed_by,
      closedByName: r.closed_by_name,
      closedAt: toIso(r.closed_at),
      occurredAt: toIso(r.occurred_at),
      userId: r.user_id,
      userName: r.user_name,
      stakeholderId: r.stakeholder_id,
      stakeholderName: r.stakeholder_name,
      stakeholderType: r.stakeholder_type,
      channel: r.channel,
      title: r.title,
      url: r.url,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.closed_at, last.id) : null,
  };
}
