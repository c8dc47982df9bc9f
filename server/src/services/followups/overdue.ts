import {
  computeOverdue,
  openWait,
  overdueActivityItem,
  resolveSla,
  type OverdueFollowup,
  type OverdueInteraction,
  type OverdueItem,
  type OverdueResult,
  type Plan,
  type Wait,
  type overdueInputSchema,
} from '@comms-log/shared';
import { and, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { cadenceInputsOfListOwner, cadenceInputsOfScope, type CadenceInputs } from '../../db/queries/cadence';
import {
  dueFollowupRows,
  liveSnoozes,
  openWaitRows,
  waitsSettledAfterRows,
  stakeholdersTouchedBy,
  type OpenWaitRow,
} from '../../db/queries/followups';
import { activities } from '../../db/tables/plan-execution';
import { fromIso } from '../../iso';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { listOwner } from './list-owner';

/*
 * `followups.overdue` (docs/metrics.md "Follow-ups"): the list is computed by the shared `computeOverdue`, the same
 * function the popup runs offline, over only the rows it needs: open waits (unanswered, not closed), active
 * stakeholders with their last contact of ours per channel, open follow-ups due by tomorrow, and live snoozes.
 */

const DAY_MS = 86_400_000;

/** The open waits as `computeOverdue` takes them: each a wait and the inbound message that started it. */
function openWaitsOf(rows: OpenWaitRow[], plan: Plan): { waits: Wait[]; events: OverdueInteraction[] } {
  const waits: Wait[] = [];
  const events: OverdueInteraction[] = [];
  for (const r of rows) {
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
  return { waits, events };
}

/**
 * Cadence reads only each stakeholder's last contact of ours per channel: one event each. And one event per
 * stakeholder the list owner dealt with (`touched`), which makes unowned stakeholders theirs.
 */
function cadenceEventsOf({ people, contacts }: CadenceInputs, touched: string[], forUserId: string | null) {
  const events: OverdueInteraction[] = [];
  if (people.length === 0) return events;
  const typeOf = new Map(people.map((p) => [p.id, p.type]));
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
  return events;
}

/** The open follow-ups due by tomorrow, as `computeOverdue` takes them. */
async function dueFollowups(ctx: ServiceCtx, forUserId: string | null, asOfMs: number): Promise<OverdueFollowup[]> {
  const rows = await dueFollowupRows(ctx.db, ctx.user.orgId, forUserId, asOfMs + 2 * DAY_MS);
  return rows.map((f) => ({
    id: f.id,
    userId: f.user_id,
    dueAtMs: f.due_at,
    note: f.note,
    status: f.status,
    snoozedUntilMs: f.snoozed_until,
    stakeholderId: f.stakeholder_id,
    url: f.url,
  }));
}

/** The planned activities past their date and still planned, of the list owner (or everyone's): `overdueActivityItem`. */
async function overdueActivities(
  ctx: ServiceCtx,
  forUserId: string | null,
  asOfMs: number,
  zone: string,
): Promise<Extract<OverdueItem, { kind: 'activity' }>[]> {
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, ctx.user.orgId),
        eq(activities.status, 'planned'),
        lt(activities.endAt, asOfMs),
        forUserId === null ? undefined : eq(activities.ownerUserId, forUserId),
      ),
    );
  return rows.flatMap((a) => {
    const item = overdueActivityItem({ ...a, startAtMs: a.startAt, endAtMs: a.endAt }, asOfMs, zone);
    return item ? [item] : [];
  });
}

/**
 * The cadence inputs of the list. The team's are every active stakeholder's, their contacts selected by a subquery
 * rather than by thousands of bound ids (the same rows, cheaper to build and bind).
 */
function cadenceInputsOf(ctx: ServiceCtx, forUserId: string | null, asOfMs: number): Promise<CadenceInputs> {
  const orgId = ctx.user.orgId;
  return forUserId === null
    ? cadenceInputsOfScope(ctx.db, orgId, { ownedBy: null }, asOfMs)
    : cadenceInputsOfListOwner(ctx.db, orgId, forUserId, asOfMs);
}

/**
 * The waits open at `asOfMs`: those open now, and, for a past `asOfMs`, those answered or closed since (a reply or
 * closure after `asOfMs` has not happened yet, as in the response figures).
 */
async function waitsOpenAt(ctx: ServiceCtx, forUserId: string | null, asOfMs: number, purpose?: string | null) {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const open = await openWaitRows(db, orgId, forUserId, asOfMs, purpose);
  if (asOfMs >= nowOf(ctx)) return open;
  return [...open, ...(await waitsSettledAfterRows(db, orgId, forUserId, asOfMs, purpose))];
}

/**
 * The overdue list of the caller, of another user (managers) or of the team, as of `asOf` (default: now). With a
 * `purpose`, only the waits of that purpose: cadence, reminders and activities have no purpose, so they are left out.
 */
export async function overdueList(ctx: ServiceCtx, input: z.output<typeof overdueInputSchema>): Promise<OverdueResult> {
  const forUserId = await listOwner(ctx, input);
  const asOfMs = input.asOf ? fromIso(input.asOf) : nowOf(ctx);
  const { plan } = await currentPlan(ctx.db, ctx.user.orgId);
  const waitRows = await waitsOpenAt(ctx, forUserId, asOfMs, input.purpose);
  return overdueOfWaits(ctx, { forUserId, asOfMs, plan, waitRows, byPurpose: input.purpose !== undefined });
}

/** What {@link overdueOfWaits} lists: whose list, as of when, under which plan, and the open waits it may show. */
export interface OverdueScope {
  forUserId: string | null;
  asOfMs: number;
  plan: Plan;
  waitRows: OpenWaitRow[];
  /** Only waits: no cadence, reminders or activities. */
  byPurpose: boolean;
}

/**
 * The list over `waitRows` and the rest it reads itself (cadence, reminders, activities, snoozes). `followups.team`
 * passes a page of the late waits and the others, and counts the rest of the late ones in SQL (team.ts).
 */
export async function overdueOfWaits(ctx: ServiceCtx, scope: OverdueScope): Promise<OverdueResult> {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const { forUserId, asOfMs, plan, byPurpose } = scope;
  const { waits, events } = openWaitsOf(scope.waitRows, plan);
  // Stakeholders the list may show: the owner's (and unowned ones they dealt with), or everyone's for the team.
  const touched = forUserId === null || byPurpose ? [] : await stakeholdersTouchedBy(db, orgId, forUserId);
  const cadence = byPurpose ? { people: [], contacts: [] } : await cadenceInputsOf(ctx, forUserId, asOfMs);
  events.push(...cadenceEventsOf(cadence, touched, forUserId));
  return computeOverdue({
    plan,
    asOfMs,
    forUserId,
    interactions: events,
    stakeholders: cadence.people.map((p) => ({ ...p, active: true })),
    followups: byPurpose ? [] : await dueFollowups(ctx, forUserId, asOfMs),
    snoozes: await liveSnoozes(db, orgId, forUserId, asOfMs),
    waits,
    overdueActivities: byPurpose ? [] : await overdueActivities(ctx, forUserId, asOfMs, plan.calendar.timeZone),
  });
}
