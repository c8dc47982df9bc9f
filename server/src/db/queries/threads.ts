import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { int } from '../sql-values';

/** What deciding on a thread's outcome needs of its messages: when it began, and whether `userId` logged in it. */
export interface ThreadFacts {
  /** Its first live (not deleted) message. */
  firstAt: number;
  /** Whether `userId` logged at least one of its messages. */
  loggedByUser: boolean;
}

/** The thread's facts, or null when the org has no live interaction with that key (index `interactions_org_thread`). */
export async function threadFacts(
  db: DbOrTx,
  orgId: string,
  threadKey: string,
  userId: string,
): Promise<ThreadFacts | null> {
  const [row] = await db.all<{ first_at: number | null; mine: number | null }>(sql`
    SELECT min(occurred_at) AS first_at, max(user_id = ${userId}) AS mine
    FROM interactions WHERE org_id = ${orgId} AND thread_key = ${threadKey} AND deleted = 0`);
  if (!row || row.first_at === null) return null;
  return { firstAt: row.first_at, loggedByUser: row.mine === 1 };
}

/**
 * The FROM of the reads of threads opened in a period: each thread's first live interaction `i`, found through
 * `thread_firsts` `t` (docs/metrics.md "Roll-ups"). CROSS JOIN keeps SQLite on `t`'s index: it reads the threads of
 * the period and seeks each first message by id, instead of testing every message of the period for an earlier one
 * in its thread.
 */
export const openedThreadsFrom = sql`thread_firsts t CROSS JOIN interactions i ON i.id = t.first_id`;

/** The thread (`openedThreadsFrom`) opened in `[fromMs, toMs)`, after the keyset `cursor` when one is given. */
export function openedBetween(
  orgId: string,
  fromMs: number,
  toMs: number,
  cursor: { at: number; id: string } | null = null,
): SQL {
  const opened = sql`t.org_id = ${orgId} AND t.first_at >= ${int(fromMs)} AND t.first_at < ${int(toMs)}`;
  if (!cursor) return opened;
  return sql`${opened} AND (t.first_at < ${int(cursor.at)} OR (t.first_at = ${int(cursor.at)} AND t.first_id < ${cursor.id}))`;
}

/** How many threads were opened in `[fromMs, toMs)`, counted on `thread_firsts_org_first` alone. */
export async function countOpenedBetween(db: DbOrTx, orgId: string, fromMs: number, toMs: number): Promise<number> {
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM thread_firsts t WHERE ${openedBetween(orgId, fromMs, toMs)}`,
  );
  return Number(n);
}
