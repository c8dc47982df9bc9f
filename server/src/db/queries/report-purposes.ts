import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * The purposes any interaction of the org carries at or after `fromMs`. A thread opened at or after `fromMs` takes
 * its purpose from its own interactions (the latest that carries one), all at or after its opening: a purpose not
 * in this set is the purpose of no such thread, and the report skips the thread queries that look for it.
 */
export async function purposesSince(db: DbOrTx, orgId: string, fromMs: number): Promise<Set<string>> {
  const rows = await db.all<{ purpose: string }>(sql`
    SELECT DISTINCT i.purpose FROM interactions i
    WHERE i.org_id = ${orgId} AND i.occurred_at >= ${fromMs} AND i.deleted = 0 AND i.purpose IS NOT NULL`);
  return new Set(rows.map((r) => r.purpose));
}
