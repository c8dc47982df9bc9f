import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { int } from '../sql-values';

/**
 * Whether any interaction of the org carries `purpose` at or after `fromMs`. A thread opened at or after `fromMs`
 * takes its purpose from its own interactions (the latest that carries one), all at or after its opening: when
 * none carries `purpose`, it is the purpose of no such thread, and the report skips the thread queries that look
 * for it. One seek in `interactions_purpose`, however many rows the period holds.
 */
export async function purposeSince(db: DbOrTx, orgId: string, purpose: string, fromMs: number): Promise<boolean> {
  const rows = await db.all<{ one: number }>(sql`
    SELECT 1 AS one FROM interactions i
    WHERE i.org_id = ${orgId} AND i.purpose = ${purpose} AND i.occurred_at >= ${int(fromMs)} AND i.deleted = 0 LIMIT 1`);
  return rows.length > 0;
}
