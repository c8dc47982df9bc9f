import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * Whether any interaction of the org carries a project item (status, due or done date). Without one, the report
 * skips the delivery goals' reads of the whole history, one per goal scope: their answer is empty anyway. Named
 * index: with only `org_id` to go on, SQLite picks a full index of the org's rows (a 200,000-row scan, 0.15 s)
 * over the partial one that holds project items only (one seek).
 */
export async function anyProjectItem(db: DbOrTx, orgId: string): Promise<boolean> {
  const rows = await db.all<{ one: number }>(sql`
    SELECT 1 AS one FROM interactions i INDEXED BY interactions_project_items WHERE i.org_id = ${orgId} AND i.deleted = 0
      AND (i.project_status IS NOT NULL OR i.due_at IS NOT NULL OR i.done_at IS NOT NULL) LIMIT 1`);
  return rows.length > 0;
}
