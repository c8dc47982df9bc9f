import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { inList } from '../sql-values';

/* What the period report reads besides the dashboard's figures: names to show next to ids. */

/** Every user's name in the org, by id. */
export async function userNamesOf(db: DbOrTx, orgId: string): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE org_id = ${orgId}`);
  return new Map(rows.map((u) => [u.id, u.name]));
}

export interface WaitDetailRow {
  id: string;
  title: string | null;
  url: string | null;
  stakeholder_name: string | null;
  user_name: string | null;
}

/**
 * The title, link and names of these interactions of the org, in no particular order. `+i.org_id` keeps SQLite on
 * the primary key: with an index on org_id it would walk every row of the org to find ten.
 */
export function waitDetails(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<WaitDetailRow[]> {
  return db.all<WaitDetailRow>(sql`
    SELECT i.id, i.title, i.url, s.name AS stakeholder_name, u.name AS user_name FROM interactions i
    LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
    LEFT JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id
    WHERE +i.org_id = ${orgId} AND i.id IN (${inList(ids)})`);
}
