import { type SQL, sql } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { filterWhere, type GroupValues } from './metrics';

/**
 * `countInteractions`' groups as one JSON array of `[value…, n]` rows, read back into the same row objects (`g<k>`,
 * `d`, `n`): the report's fine grouping has tens of thousands of groups, and one string crosses from SQLite to
 * JavaScript for a fraction of the cost of as many result rows.
 */
export async function countInteractionsPacked(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  group: GroupValues,
): Promise<Record<string, unknown>[]> {
  const names = [...group.names, 'n'];
  const inner: SQL = sql`SELECT ${sql.join(
    group.values.map((v, k) => sql`${v} AS ${sql.raw(group.names[k]!)}`),
    sql`, `,
  )}, count(*) AS n FROM interactions i WHERE ${filterWhere(orgId, filter)} GROUP BY ${sql.join(
    group.names.map((n) => sql.raw(n)),
    sql`, `,
  )}`;
  const cols = sql.join(
    names.map((n) => sql.raw(`c.${n}`)),
    sql`, `,
  );
  const [row] = await db.all<{ j: string | null }>(
    sql`SELECT json_group_array(json_array(${cols})) AS j FROM (${inner}) c`,
  );
  const packed = JSON.parse(row?.j ?? '[]') as unknown[][];
  return packed.map((values) => Object.fromEntries(names.map((n, k) => [n, values[k]])));
}
