import { type SQL, sql } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { type DayRange, sumDayCountsSql } from './day-counts';
import { filterWhere, groupedSelect, type GroupValues } from './metrics';

/**
 * The rows of a grouped count (`names` and `n`) as one JSON array of `[value…, n]` rows, read back into the same
 * row objects: the report's fine grouping has tens of thousands of groups, and one string crosses from SQLite to
 * JavaScript for a fraction of the cost of as many result rows.
 */
async function readPacked(db: DbOrTx, inner: SQL, groupNames: string[]): Promise<Record<string, unknown>[]> {
  const names = [...groupNames, 'n'];
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

/** `countInteractions`' groups (`g<k>`, `d`, `n`) over the raw rows, read packed. */
export function countInteractionsPacked(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  group: GroupValues,
): Promise<Record<string, unknown>[]> {
  const { select, groupBy } = groupedSelect(group, sql`count(*) AS n`);
  const inner: SQL = sql`SELECT ${select} FROM interactions i WHERE ${filterWhere(orgId, filter)}${groupBy}`;
  return readPacked(db, inner, group.names);
}

/** The same groups summed from the day counts of whole local days (`sumDayCountsSql`), read packed. */
export function sumDayCountsPacked(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  group: GroupValues,
  days: DayRange,
): Promise<Record<string, unknown>[]> {
  return readPacked(db, sumDayCountsSql(orgId, filter, group, days), group.names);
}
