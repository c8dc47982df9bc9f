import { and, eq, lt } from 'drizzle-orm';
import type {
  ActivityOccurrenceStatus,
  DeliveryItem,
  MeetingAttendance,
  MetricsFilter,
  OwnPostCounts,
} from '@comms-log/shared';
import { expandRecurrence } from '@comms-log/shared';
import { meetingRows, ownPostRows, projectItemRows } from '../../db/queries/plan-execution';
import { activities } from '../../db/tables/plan-execution';
import type { ServiceCtx } from '../service-ctx';

/*
 * The records of the execution and reach figures, as the shared formulas take them (docs/metrics.md "Goals"):
 * project items, our own posts, meetings and the occurrences of planned activities.
 */

/** Each project item (thread) in the filter's scope with its latest due and done times, whenever it was logged. */
export async function projectItems(ctx: ServiceCtx, filter: MetricsFilter): Promise<DeliveryItem[]> {
  const latest = new Map<string, DeliveryItem>();
  // Oldest update first, so the latest capture of a thread is the one kept.
  for (const r of await projectItemRows(ctx.db, ctx.user.orgId, filter))
    latest.set(r.thread_key, { dueAtMs: r.due_at, doneAtMs: r.done_at });
  return [...latest.values()];
}

/** Our posts with counts logged in the filter's period. */
export async function ownPosts(ctx: ServiceCtx, filter: MetricsFilter): Promise<OwnPostCounts[]> {
  const rows = await ownPostRows(ctx.db, ctx.user.orgId, filter);
  return rows.map((r) => ({
    postedAtMs: r.occurred_at,
    reposts: r.reposts,
    comments: r.comments,
    likes: r.likes,
    reads: r.reads,
    followers: r.followers,
  }));
}

/** Meetings with headcounts held in the filter's period, of one series (null: any). */
export async function meetings(
  ctx: ServiceCtx,
  filter: MetricsFilter,
  series: string | null,
): Promise<MeetingAttendance[]> {
  const rows = await meetingRows(ctx.db, ctx.user.orgId, filter, series);
  return rows.map((r) => ({
    heldAtMs: r.occurred_at,
    invited: r.invited,
    attended: r.attended,
    ...(r.series === null ? {} : { series: r.series }),
  }));
}

/**
 * The occurrences of planned activities that start in the filter's period, of its stakeholder types and owners
 * (`userId`). A recurring activity's status stands for each repetition up to `asOfMs` (later ones are still
 * planned); its held interaction dates only the first (docs/metrics.md "Goals", execution rate).
 */
export async function activityOccurrences(
  ctx: ServiceCtx,
  filter: MetricsFilter,
  zone: string,
  asOfMs: number,
): Promise<ActivityOccurrenceStatus[]> {
  const period = { fromMs: Date.parse(filter.from), toMs: Date.parse(filter.to) };
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, ctx.user.orgId), lt(activities.startAt, period.toMs)));
  const out: ActivityOccurrenceStatus[] = [];
  for (const a of rows) {
    if (filter.userId?.length && !filter.userId.includes(a.ownerUserId)) continue;
    if (
      filter.stakeholderType?.length &&
      a.stakeholderType !== null &&
      !filter.stakeholderType.includes(a.stakeholderType)
    )
      continue;
    if (filter.channel?.length && !filter.channel.includes(a.channel)) continue;
    for (const o of expandRecurrence(
      { startAtMs: a.startAt, endAtMs: a.endAt, recurrence: a.recurrence },
      period,
      zone,
    ))
      out.push({
        startAtMs: o.startMs,
        endAtMs: o.endMs,
        // A held series has not held the repetitions still to come.
        status: o.index > 0 && a.status === 'held' && o.startMs > asOfMs ? 'planned' : a.status,
        heldAtMs: o.index === 0 ? a.heldAt : null,
      });
  }
  return out;
}
