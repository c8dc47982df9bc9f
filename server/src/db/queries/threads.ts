import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

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
