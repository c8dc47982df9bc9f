import { sql, type SQL } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { int } from '../sql-values';
import { filterWhere } from './metrics';

/*
 * The SQL of the execution and reach figures (docs/metrics.md "Goals"): partner project items with their due and
 * done times, our own posts with their counts, meetings with their headcounts. The shared formulas
 * (shared/src/domain/evaluation/) fold what these return.
 *
 * Each reads its partial index by name: with a stakeholder type in the filter SQLite prefers
 * `interactions_org_type_occurred` and visits every row of the type in the period (all time for project items)
 * to find the few that are posts, meetings or items — on 1,000,000 interactions 593 / 45 / 61 ms instead of
 * 0.1 ms (docs/metrics.md "Goals"). Each WHERE repeats its index's condition word for word, as `INDEXED BY` needs.
 */

/** Every time: the project figures date items by their due date, not by when a message was logged. */
const ALL_TIME = { from: 0, to: Number.MAX_SAFE_INTEGER };

/** A project item's capture: its thread and latest status and dates. */
export interface ProjectItemRow {
  thread_key: string;
  due_at: number | null;
  done_at: number | null;
  updated_at: number;
}

/**
 * The captures of project items (Jira issues, Trello cards) the filter's scope keeps, whenever logged, oldest
 * update first: the item is its thread, and its latest capture holds its dates.
 */
export function projectItemRows(db: DbOrTx, orgId: string, filter: MetricsFilter): Promise<ProjectItemRow[]> {
  return db.all<ProjectItemRow>(projectItemsSql(orgId, filter));
}

/** The statement of {@link projectItemRows}. */
export function projectItemsSql(orgId: string, filter: MetricsFilter): SQL {
  return sql`
    SELECT i.thread_key, i.due_at, i.done_at, i.updated_at FROM interactions i INDEXED BY interactions_project_items
    WHERE ${filterWhere(orgId, filter, ALL_TIME)}
      AND (i.project_status IS NOT NULL OR i.due_at IS NOT NULL OR i.done_at IS NOT NULL)
    ORDER BY i.updated_at, i.id`;
}

/** One of our own posts with the counts the site showed. */
export interface OwnPostRow {
  occurred_at: number;
  reposts: number | null;
  comments: number | null;
  likes: number | null;
  reads: number | null;
  followers: number | null;
}

/** Our posts (outbound, with counts) logged in the filter's period and scope. */
export function ownPostRows(db: DbOrTx, orgId: string, filter: MetricsFilter): Promise<OwnPostRow[]> {
  return db.all<OwnPostRow>(ownPostsSql(orgId, filter));
}

/** The statement of {@link ownPostRows}. */
export function ownPostsSql(orgId: string, filter: MetricsFilter): SQL {
  return sql`
    SELECT i.occurred_at, i.reposts, i.comments, i.likes, i.reads, i.followers
    FROM interactions i INDEXED BY interactions_post_counts
    WHERE ${filterWhere(orgId, { ...filter, direction: 'outbound' })}
      AND (i.reads IS NOT NULL OR i.followers IS NOT NULL OR i.reposts IS NOT NULL OR i.comments IS NOT NULL
        OR i.likes IS NOT NULL)`;
}

/** A meeting with its headcounts. */
export interface MeetingRow {
  occurred_at: number;
  invited: number;
  attended: number;
  series: string | null;
}

/** Meetings with headcounts held in the filter's period and scope, of one series (null: any). */
export function meetingRows(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  series: string | null,
): Promise<MeetingRow[]> {
  return db.all<MeetingRow>(meetingsSql(orgId, filter, series));
}

/** The statement of {@link meetingRows}. */
export function meetingsSql(orgId: string, filter: MetricsFilter, series: string | null): SQL {
  return sql`
    SELECT i.occurred_at, i.invited, coalesce(i.attended, 0) AS attended, i.series
    FROM interactions i INDEXED BY interactions_meetings
    WHERE ${filterWhere(orgId, filter)} AND i.invited IS NOT NULL
      ${series === null ? sql`` : sql`AND i.series = ${series}`}`;
}

/** The interactions an activity may be marked held by: the org's, not deleted. */
export interface HeldInteractionRow {
  id: string;
  occurred_at: number;
  invited: number | null;
  attended: number | null;
}

export async function heldInteraction(db: DbOrTx, orgId: string, id: string): Promise<HeldInteractionRow | null> {
  const [row] = await db.all<HeldInteractionRow>(sql`
    SELECT i.id, i.occurred_at, i.invited, i.attended FROM interactions i
    WHERE i.org_id = ${orgId} AND i.id = ${id} AND i.deleted = ${int(0)}`);
  return row ?? null;
}
