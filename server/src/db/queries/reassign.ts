import { sql, type SQL } from 'drizzle-orm';
import { liveChannels } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { inList, int } from '../sql-values';
import { reserveSeq } from './seq';

/*
 * Re-pointing an org's interactions, follow-ups or evaluation records chosen by a WHERE fragment (a merge, an assigned handle). Every
 * moved row takes its own change sequence number so that `sync.pull` sends it (docs/sync.md).
 */

/**
 * Set `set` on the rows of `table` that `where` selects, giving each its own next change sequence number (pull
 * pages by sequence: rows must not share one). Returns how many rows changed.
 */
export async function updateWithSeq(
  db: DbOrTx,
  orgId: string,
  table: 'interactions' | 'followups' | 'survey_responses' | 'media_coverage',
  set: SQL,
  where: SQL,
  now: number,
): Promise<number> {
  const t = sql.raw(table);
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${t} WHERE org_id = ${orgId} AND ${where}`,
  );
  const count = Number(n);
  if (count === 0) return 0;
  const first = await reserveSeq(db, orgId, count);
  await db.run(sql`
    UPDATE ${t} SET ${set}, seq = ${int(first - 1)} + v.rn, updated_at = ${int(now)}
    FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS rn FROM ${t} WHERE org_id = ${orgId} AND ${where}) AS v
    WHERE ${t}.id = v.id`);
  return count;
}

/** The threads of the interactions `where` selects, each with the instant of its first live event among them. */
export async function threadsOfRows(
  db: DbOrTx,
  orgId: string,
  where: SQL,
): Promise<{ threadKey: string; liveFrom: number | null }[]> {
  const rows = await db.all<{ thread_key: string; live_from: number | null }>(sql`
    SELECT thread_key, min(CASE WHEN channel IN (${inList(liveChannels)}) AND deleted = 0 THEN occurred_at END) AS live_from
    FROM interactions WHERE org_id = ${orgId} AND ${where} GROUP BY thread_key`);
  return rows.map((r) => ({ threadKey: r.thread_key, liveFrom: r.live_from }));
}
