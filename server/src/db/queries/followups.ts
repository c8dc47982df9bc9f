import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Channel, OverdueSnooze, StakeholderType, closureListInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../client';
import { followups, type FollowupRow } from '../schema';
import { inList, int } from '../sql-values';

/*
 * What the follow-ups lists read (docs/metrics.md "Follow-ups"): only the rows the overdue list needs (open waits,
 * follow-ups due soon, live snoozes), the caller's follow-ups and the org's closures a page at a time.
 */

/** `col = forUserId`, or true for the team's list (`forUserId` null). */
const userIs = (col: string, forUserId: string | null): SQL =>
  forUserId === null ? sql`1 = 1` : sql`${sql.raw(col)} = ${forUserId}`;

/** `i.purpose` is `purpose` (null: has none); true when no purpose is asked (undefined). */
const purposeIs = (purpose: string | null | undefined): SQL =>
  purpose === undefined ? sql`1 = 1` : purpose === null ? sql`i.purpose IS NULL` : sql`i.purpose = ${purpose}`;

export interface OpenWaitRow {
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
}

/** The columns of an {@link OpenWaitRow} from `interactions i`, its stakeholder's name joined (WHERE follows). */
export const selectOpenWaits: SQL = sql.raw(`SELECT i.id, i.thread_key, i.stakeholder_id, s.name AS stakeholder_name,
      i.stakeholder_type, i.channel, i.user_id, i.occurred_at, i.deadline_at, i.first_response, i.title, i.url
    FROM interactions i LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id`);

/** Waits started by `asOfMs` and still open (unanswered, not closed), of one user or the team's, of one purpose. */
export function openWaitRows(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  asOfMs: number,
  purpose?: string | null,
): Promise<OpenWaitRow[]> {
  // The partial index `interactions_unanswered` holds exactly these rows.
  return db.all<OpenWaitRow>(sql`
    ${selectOpenWaits}
    WHERE i.org_id = ${orgId} AND i.wait_start = 1 AND i.replied_at IS NULL AND i.deleted = 0 AND i.on_time = 'pending'
      AND i.deadline_at IS NOT NULL AND i.occurred_at <= ${int(asOfMs)} AND ${userIs('i.user_id', forUserId)}
      AND ${purposeIs(purpose)}`);
}

/**
 * Waits started by `asOfMs` and open at `asOfMs` although settled since: answered, or closed ("no reply needed"),
 * after it. With {@link openWaitRows} they are the waits open at a past `asOfMs` (docs/metrics.md "On time").
 */
export function waitsSettledAfterRows(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  asOfMs: number,
  purpose?: string | null,
): Promise<OpenWaitRow[]> {
  const at = int(asOfMs);
  return db.all<OpenWaitRow>(sql`
    ${selectOpenWaits}
    WHERE i.org_id = ${orgId} AND i.wait_start = 1 AND i.deleted = 0 AND i.deadline_at IS NOT NULL
      AND i.occurred_at <= ${at} AND ${userIs('i.user_id', forUserId)} AND ${purposeIs(purpose)}
      AND (i.replied_at > ${at} OR (i.on_time = 'closed' AND max(i.occurred_at, coalesce((SELECT wc.closed_at
        FROM wait_closures wc WHERE wc.org_id = i.org_id AND wc.interaction_id = i.id), i.occurred_at)) > ${at}))`);
}

/**
 * The ids of the stakeholders a user has dealt with: any interaction of theirs, whoever owns the stakeholder. `+`:
 * otherwise SQLite walks the whole org in `interactions_org_stakeholder` (its order spares the DISTINCT a sort)
 * instead of the user's rows in `interactions_org_user_occurred`: 78 ms against 6 at 100,000 interactions.
 */
export const stakeholdersTouchedSql = (orgId: string, userId: string): SQL => sql`
  SELECT DISTINCT +i.stakeholder_id AS stakeholder_id FROM interactions i
  WHERE i.org_id = ${orgId} AND i.user_id = ${userId} AND i.deleted = 0 AND i.stakeholder_id IS NOT NULL`;

/** The stakeholders a user has dealt with ({@link stakeholdersTouchedSql}). */
export async function stakeholdersTouchedBy(db: DbOrTx, orgId: string, userId: string): Promise<string[]> {
  const rows = await db.all<{ stakeholder_id: string }>(stakeholdersTouchedSql(orgId, userId));
  return rows.map((r) => r.stakeholder_id);
}

export interface DueFollowupRow {
  id: string;
  user_id: string;
  due_at: number;
  note: string;
  status: 'open';
  snoozed_until: number | null;
  stakeholder_id: string | null;
  url: string | null;
}

/** Open follow-ups due by `dueByMs`, of one user or the team's. */
export function dueFollowupRows(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  dueByMs: number,
): Promise<DueFollowupRow[]> {
  return db.all<DueFollowupRow>(sql`
    SELECT f.id, f.user_id, f.due_at, f.note, f.status, f.snoozed_until, f.stakeholder_id, f.url FROM followups f
    WHERE f.org_id = ${orgId} AND f.status = 'open' AND f.deleted = 0 AND f.due_at <= ${int(dueByMs)} AND ${userIs('f.user_id', forUserId)}`);
}

/** Snoozes still in force at `asOfMs`, of one user or the team's. */
export async function liveSnoozes(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  asOfMs: number,
): Promise<OverdueSnooze[]> {
  const rows = await db.all<{ kind: OverdueSnooze['kind']; target_id: string; until: number; user_id: string }>(sql`
    SELECT z.kind, z.target_id, z.until, z.user_id FROM snoozes z
    WHERE z.org_id = ${orgId} AND z.until > ${int(asOfMs)} AND ${userIs('z.user_id', forUserId)}`);
  return rows.map((z) => ({ kind: z.kind, id: z.target_id, untilMs: z.until, userId: z.user_id }));
}

/** A keyset cursor of a newest-first list: `(at, id)` of the last row of the page before. */
type Cursor = { at: number; id: string } | null;

/** Up to `limit` of a user's follow-ups (of one status), latest due first, after `cursor`. */
export function followupPage(
  db: DbOrTx,
  orgId: string,
  filter: { userId: string; status?: FollowupRow['status'] | undefined },
  cursor: Cursor,
  limit: number,
): Promise<FollowupRow[]> {
  return db
    .select()
    .from(followups)
    .where(
      and(
        eq(followups.orgId, orgId),
        eq(followups.userId, filter.userId),
        eq(followups.deleted, false),
        filter.status ? eq(followups.status, filter.status) : undefined,
        cursor
          ? sql`(${followups.dueAt} < ${int(cursor.at)} OR (${followups.dueAt} = ${int(cursor.at)} AND ${followups.id} < ${cursor.id}))`
          : undefined,
      ),
    )
    .orderBy(sql`${followups.dueAt} DESC, ${followups.id} DESC`)
    .limit(limit);
}

export interface ClosureRow {
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
}

/** Up to `limit` "no reply needed" closures of the org with their waits, latest first, after `cursor`. */
export function closurePage(
  db: DbOrTx,
  orgId: string,
  filter: Pick<z.output<typeof closureListInputSchema>, 'from' | 'to' | 'userId' | 'purpose'>,
  cursor: Cursor,
  limit: number,
): Promise<ClosureRow[]> {
  const parts: SQL[] = [sql`c.org_id = ${orgId}`];
  if (filter.from) parts.push(sql`c.closed_at >= ${int(Date.parse(filter.from))}`);
  if (filter.to) parts.push(sql`c.closed_at < ${int(Date.parse(filter.to))}`);
  if (filter.userId?.length) parts.push(sql`i.user_id IN (${inList(filter.userId)})`);
  parts.push(purposeIs(filter.purpose));
  if (cursor)
    parts.push(sql`(c.closed_at < ${int(cursor.at)} OR (c.closed_at = ${int(cursor.at)} AND c.id < ${cursor.id}))`);
  return db.all<ClosureRow>(sql`
    SELECT c.id, c.interaction_id, c.reason, c.closed_by, cb.name AS closed_by_name, c.closed_at, i.occurred_at, i.user_id, u.name AS user_name,
      i.stakeholder_id, s.name AS stakeholder_name, i.stakeholder_type, i.channel, i.title, i.url
    FROM wait_closures c
    JOIN interactions i ON i.id = c.interaction_id AND i.org_id = c.org_id
    LEFT JOIN users cb ON cb.id = c.closed_by AND cb.org_id = c.org_id
    LEFT JOIN users u ON u.id = i.user_id AND u.org_id = c.org_id
    LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = c.org_id
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY c.closed_at DESC, c.id DESC LIMIT ${int(limit)}`);
}
