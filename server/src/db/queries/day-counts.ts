import { sql, type SQL } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { int } from '../sql-values';
import { filterDims, groupedSelect, type GroupValues, type ZoneOffset } from './metrics';

/*
 * The day counts kept by the triggers on `interactions` (docs/metrics.md "Roll-ups") and the zone offsets they
 * read: replaced when the plan's zone changes, summed by the dashboard's counts.
 */

const DAY_MS = 86_400_000;

/** The zone the org's day counts are in (null before the server first set it). */
export async function dayCountsZone(db: DbOrTx, orgId: string): Promise<string | null> {
  const [row] = await db.all<{ z: string }>(
    sql`SELECT time_zone AS z FROM org_zone_offsets WHERE org_id = ${orgId} LIMIT 1`,
  );
  return row?.z ?? null;
}

/** The offsets the triggers read for the org, replaced by these of `zone`. */
export async function replaceZoneOffsets(db: DbOrTx, orgId: string, zone: string, offsets: ZoneOffset[]) {
  await db.run(sql`DELETE FROM org_zone_offsets WHERE org_id = ${orgId}`);
  const rows = offsets.map((o) => sql`(${orgId}, ${int(o.startMs)}, ${int(o.offsetMs)}, ${zone})`);
  await db.run(
    sql`INSERT INTO org_zone_offsets (org_id, start_ms, offset_ms, time_zone) VALUES ${sql.join(rows, sql`, `)}`,
  );
}

/** The trigger's local day of `i.occurred_at` (migration 0010), from the offsets table. */
const storedLocalDay = sql`((i.occurred_at + coalesce((SELECT z.offset_ms FROM org_zone_offsets z WHERE z.org_id = i.org_id
  AND z.start_ms <= i.occurred_at ORDER BY z.start_ms DESC LIMIT 1), 0)) / ${int(DAY_MS)})`;

/** The org's day counts counted again from its interactions, under the offsets now stored. */
export async function rebuildDayCounts(db: DbOrTx, orgId: string): Promise<void> {
  await db.run(sql`DELETE FROM interaction_day_counts WHERE org_id = ${orgId}`);
  await db.run(sql`INSERT INTO interaction_day_counts
      (org_id, day, stakeholder_type, channel, user_id, direction, purpose, n)
    SELECT i.org_id, ${storedLocalDay}, i.stakeholder_type, i.channel, i.user_id, i.direction, coalesce(i.purpose, ''), count(*)
    FROM interactions i WHERE i.org_id = ${orgId} AND i.deleted = 0 GROUP BY 1, 2, 3, 4, 5, 6, 7`);
}

/**
 * The org's day counts of local days `days` counted again under the offsets now stored, and with `below` / `above`
 * every count before / after them dropped (the first and last of a recount's chunks). In one transaction with the
 * caller's, a push's trigger meanwhile cannot count a row twice: its count is deleted and the row counted here.
 */
export async function recountDayRange(
  db: DbOrTx,
  orgId: string,
  days: DayRange,
  open: { below: boolean; above: boolean },
): Promise<void> {
  const from = open.below ? sql`` : sql` AND day >= ${int(days.fromDay)}`;
  const to = open.above ? sql`` : sql` AND day < ${int(days.toDay)}`;
  await db.run(sql`DELETE FROM interaction_day_counts WHERE org_id = ${orgId}${from}${to}`);
  // A local day is within a day of the UTC one: the rows read are those of the days around, by the (org, time) index.
  await db.run(sql`INSERT INTO interaction_day_counts
      (org_id, day, stakeholder_type, channel, user_id, direction, purpose, n)
    SELECT i.org_id, ${storedLocalDay}, i.stakeholder_type, i.channel, i.user_id, i.direction, coalesce(i.purpose, ''), count(*)
    FROM interactions i WHERE i.org_id = ${orgId} AND i.deleted = 0
      AND i.occurred_at >= ${int((days.fromDay - 1) * DAY_MS)} AND i.occurred_at < ${int((days.toDay + 1) * DAY_MS)}
      AND ${storedLocalDay} >= ${int(days.fromDay)} AND ${storedLocalDay} < ${int(days.toDay)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`);
}

/** The first and last `occurred_at` of the org's interactions (deleted ones too; null when none), from the index. */
export async function occurredBounds(db: DbOrTx, orgId: string) {
  const [row] = await db.all<{ first: number | null; last: number | null }>(
    sql`SELECT (SELECT min(occurred_at) FROM interactions WHERE org_id = ${orgId}) AS first,
      (SELECT max(occurred_at) FROM interactions WHERE org_id = ${orgId}) AS last`,
  );
  return row!;
}

/**
 * The `occurred_at` of the org's interaction `rows` places after its first at or after `fromMs` (deleted ones too),
 * read along the (org, time) index; null when there are not that many.
 */
export async function occurredRowsOn(db: DbOrTx, orgId: string, fromMs: number, rows: number): Promise<number | null> {
  const [row] = await db.all<{ at: number }>(
    sql`SELECT occurred_at AS at FROM interactions WHERE org_id = ${orgId} AND occurred_at >= ${int(fromMs)}
      ORDER BY occurred_at LIMIT 1 OFFSET ${int(rows)}`,
  );
  return row?.at ?? null;
}

/** Relabel the org's offsets from `from` to `to` (none when another zone's replaced them); whether it did. */
export async function relabelZoneOffsets(db: DbOrTx, orgId: string, from: string, to: string): Promise<boolean> {
  const rs = await db.run(
    sql`UPDATE org_zone_offsets SET time_zone = ${to} WHERE org_id = ${orgId} AND time_zone = ${from}`,
  );
  return rs.rowsAffected > 0;
}

/** The org's day counts under the column names of `interactions i` (a purpose of '' is none). */
const dayCountsAsInteractions = (orgId: string): SQL =>
  sql`(SELECT org_id, day, stakeholder_type, channel, user_id, direction, nullif(purpose, '') AS purpose, n
    FROM interaction_day_counts WHERE org_id = ${orgId})`;

/** Local days [fromDay, toDay) of the org's day counts. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/**
 * The statement summing the day counts of `days` kept by the filter's type, channel, user, direction and purpose,
 * grouped by `group` (`d` is the local day) — the same rows `countInteractions` gives for those whole days.
 */
export function sumDayCountsSql(orgId: string, filter: MetricsFilter, group: GroupValues, days: DayRange): SQL {
  const { select, groupBy } = groupedSelect(group, sql`coalesce(sum(i.n), 0) AS n`);
  return sql`SELECT ${select} FROM ${dayCountsAsInteractions(orgId)} i
    WHERE i.day >= ${int(days.fromDay)} AND i.day < ${int(days.toDay)} AND ${filterDims(filter)}${groupBy}`;
}

/**
 * `columns` over the day counts of `days` the filter keeps (`i`), ungrouped: a day count is already the group of
 * its day and every column, so a grouping by all of them needs no GROUP BY (nor its sort).
 */
export function dayCountRowsSql(orgId: string, filter: MetricsFilter, columns: SQL, days: DayRange): SQL {
  return sql`SELECT ${columns} FROM ${dayCountsAsInteractions(orgId)} i
    WHERE i.day >= ${int(days.fromDay)} AND i.day < ${int(days.toDay)} AND ${filterDims(filter)}`;
}

/** `sumDayCountsSql`'s rows. */
export function sumDayCounts(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  group: GroupValues,
  days: DayRange,
): Promise<Record<string, unknown>[]> {
  return db.all<Record<string, unknown>>(sumDayCountsSql(orgId, filter, group, days));
}

/** Every org's id (the start-up pass over each org's day counts). */
export async function orgIds(db: DbOrTx): Promise<string[]> {
  return (await db.all<{ id: string }>(sql`SELECT id FROM orgs`)).map((r) => r.id);
}
