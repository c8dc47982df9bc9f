import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { inList, int } from '../sql-values';
import { type OpenWaitRow, selectOpenWaits } from './followups';

/*
 * The waits of a page of `followups.team` (docs/sync.md "Pull"): the late ones are most of a team's list, so they
 * are read a page at a time in the list's order (oldest start first) and counted in SQL, instead of every open wait
 * being read to cut 50. The filters repeat, in SQL, what `computeOverdue` leaves out of the list.
 */

/** Which open waits are late and listed at `asOfMs`, of one user or the team's. */
export interface LateWaitFilter {
  forUserId: string | null;
  asOfMs: number;
  /** `stakeholder_type:channel` pairs the plan gives no SLA: such waits are never listed. */
  noSlaPairs: readonly string[];
}

/**
 * Open waits (unanswered, not closed) started by `asOfMs` and past their deadline, with no SLA-less pair and no
 * live snooze: the user's own snoozes in a user's list, anyone's in the team's.
 */
function lateOpenWhere(orgId: string, f: LateWaitFilter, byStart = false): SQL {
  const at = int(f.asOfMs);
  // By start: `+` keeps SQLite off `interactions_unanswered` (by deadline, then a sort of every late wait), so it
  // walks `interactions_waits` in the page's order, filters on the columns that index holds, and stops at the limit.
  const deadline = byStart ? sql`+i.deadline_at` : sql`i.deadline_at`;
  const parts: SQL[] = [
    sql`i.org_id = ${orgId} AND i.wait_start = 1 AND i.replied_at IS NULL AND i.deleted = 0 AND i.on_time = 'pending'`,
    sql`i.deadline_at IS NOT NULL AND ${deadline} < ${at} AND i.occurred_at <= ${at}`,
    // Not correlated: SQLite reads the live snoozes once, not once a wait.
    sql`i.id NOT IN (SELECT z.target_id FROM snoozes z WHERE z.org_id = ${orgId} AND z.kind = 'wait' AND z.until > ${at}
      ${f.forUserId === null ? sql`` : sql`AND z.user_id = ${f.forUserId}`})`,
  ];
  if (f.forUserId !== null) parts.push(sql`i.user_id = ${f.forUserId}`);
  if (f.noSlaPairs.length) parts.push(sql`(i.stakeholder_type || ':' || i.channel) NOT IN (${inList(f.noSlaPairs)})`);
  return sql.join(parts, sql` AND `);
}

/**
 * The first `limit` late open waits in the list's order: oldest start first, then by id. The page is cut before the
 * stakeholders' names are joined, so only its own rows are joined.
 */
export function lateOpenWaitPage(db: DbOrTx, orgId: string, f: LateWaitFilter, limit: number): Promise<OpenWaitRow[]> {
  return db.all<OpenWaitRow>(sql`
    SELECT p.id, p.thread_key, p.stakeholder_id, s.name AS stakeholder_name, p.stakeholder_type, p.channel, p.user_id, p.occurred_at,
      p.deadline_at, p.first_response, p.title, p.url
    FROM (SELECT i.id, i.org_id, i.thread_key, i.stakeholder_id, i.stakeholder_type, i.channel, i.user_id, i.occurred_at,
        i.deadline_at, i.first_response, i.title, i.url
      FROM interactions i WHERE ${lateOpenWhere(orgId, f, true)} ORDER BY i.occurred_at, i.id LIMIT ${int(limit)}) p
    LEFT JOIN stakeholders s ON s.id = p.stakeholder_id AND s.org_id = p.org_id
    ORDER BY p.occurred_at, p.id`);
}

/** How many late open waits the list holds. */
export async function lateOpenWaitCount(db: DbOrTx, orgId: string, f: LateWaitFilter): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM interactions i WHERE ${lateOpenWhere(orgId, f)}`,
  );
  return row?.n ?? 0;
}

/**
 * Open waits started by `asOfMs` whose deadline has not passed: the only ones that can be due soon. A seek in
 * `interactions_unanswered` by deadline (`+` keeps SQLite from scanning every wait by start instead).
 */
export function pendingOpenWaitRows(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  asOfMs: number,
): Promise<OpenWaitRow[]> {
  const at = int(asOfMs);
  return db.all<OpenWaitRow>(sql`
    ${selectOpenWaits}
    WHERE i.org_id = ${orgId} AND i.wait_start = 1 AND i.replied_at IS NULL AND i.deleted = 0 AND i.on_time = 'pending'
      AND i.deadline_at >= ${at} AND +i.occurred_at <= ${at}
      ${forUserId === null ? sql`` : sql`AND i.user_id = ${forUserId}`}`);
}
