import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * Reserve `count` consecutive values of the org's change sequence and return the first. Call inside the
 * transaction that writes the rows, so the counter and the rows commit together (pull relies on it).
 */
export async function reserveSeq(db: DbOrTx, orgId: string, count: number): Promise<number> {
  if (count <= 0) return 0;
  const rows = await db.all<{ seq: number }>(
    sql`UPDATE org_seq SET seq = seq + ${count} WHERE org_id = ${orgId} RETURNING seq`,
  );
  const top = rows[0]?.seq;
  if (top === undefined) throw new Error(`org ${orgId} has no change sequence`);
  return top - count + 1;
}

/** The org's change sequence as committed so far (0 before its first change). */
export async function currentSeq(db: DbOrTx, orgId: string): Promise<number> {
  const rows = await db.all<{ seq: number }>(sql`SELECT seq FROM org_seq WHERE org_id = ${orgId}`);
  return rows[0]?.seq ?? 0;
}
