import type { Client } from '@libsql/client';

/** What a bench run left in `interactions`: rows, rows marked as starting a wait, and those of them answered. */
export async function storedCounts(client: Client): Promise<{ rows: number; waits: number; answered: number }> {
  const row = (
    await client.execute(
      'SELECT count(*) AS n, coalesce(sum(wait_start), 0) AS waits, coalesce(sum(wait_start = 1 AND replied_at IS NOT NULL), 0) AS answered FROM interactions',
    )
  ).rows[0]!;
  return { rows: Number(row.n), waits: Number(row.waits), answered: Number(row.answered) };
}
