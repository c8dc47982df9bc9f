import { sql, type SQL } from 'drizzle-orm';
import type { Channel, DrilldownItem, MetricsFilter, MetricsGroupBy, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { inList, int } from '../sql-values';

/*
 * The dashboard's SQL over `interactions i` (docs/metrics.md): a filter's WHERE clause, the group columns, the
 * grouped counts and the rows behind a figure. The waits are read by `scanWaits` (./waits.ts).
 */

const DAY_MS = 86_400_000;

export interface MsRange {
  from: number;
  to: number;
}

export type TimeDim = 'day' | 'week' | 'month';
export type ValueDim = Exclude<MetricsGroupBy, TimeDim>;

export const isTimeDim = (dim: MetricsGroupBy): dim is TimeDim => dim === 'day' || dim === 'week' || dim === 'month';

/** The column of each non-time group dimension. */
const dimColumn: Record<ValueDim, SQL> = {
  stakeholderType: sql.raw('i.stakeholder_type'),
  channel: sql.raw('i.channel'),
  user: sql.raw('i.user_id'),
  stakeholder: sql.raw('i.stakeholder_id'),
  direction: sql.raw('i.direction'),
  purpose: sql.raw('i.purpose'),
};

/**
 * The WHERE clause of a filter over `interactions i` of the org: not deleted, `occurred_at` in [from, to).
 * `rangeMs` overrides the filter's range (drill-down into one time bucket).
 */
export function filterWhere(orgId: string, f: MetricsFilter, rangeMs?: MsRange): SQL {
  const from = rangeMs?.from ?? Date.parse(f.from);
  const to = rangeMs?.to ?? Date.parse(f.to);
  const parts: SQL[] = [
    sql`i.org_id = ${orgId}`,
    sql`i.deleted = 0`,
    sql`i.occurred_at >= ${int(from)}`,
    sql`i.occurred_at < ${int(to)}`,
    filterDims(f),
  ];
  if (f.stakeholderId?.length) parts.push(sql`i.stakeholder_id IN (${inList(f.stakeholderId)})`);
  if (f.tier?.length)
    parts.push(
      sql`i.stakeholder_id IN (SELECT s.id FROM stakeholders s WHERE s.org_id = ${orgId} AND s.tier IN (${inList(f.tier)}))`,
    );
  return sql.join(parts, sql` AND `);
}

/**
 * The filter's conditions on the columns the day counts keep too (type, channel, user, direction, purpose);
 * `1 = 1` when it has none.
 */
export function filterDims(f: MetricsFilter): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (f.stakeholderType?.length) parts.push(sql`i.stakeholder_type IN (${inList(f.stakeholderType)})`);
  if (f.channel?.length) parts.push(sql`i.channel IN (${inList(f.channel)})`);
  if (f.userId?.length) parts.push(sql`i.user_id IN (${inList(f.userId)})`);
  if (f.direction) parts.push(sql`i.direction = ${f.direction}`);
  if (f.purpose !== undefined) parts.push(f.purpose === null ? sql`i.purpose IS NULL` : sql`i.purpose = ${f.purpose}`);
  return sql.join(parts, sql` AND `);
}

/** A zone's UTC offset in force from `startMs` on. */
export interface ZoneOffset {
  startMs: number;
  offsetMs: number;
}

/** SQL: the local calendar day of `i.occurred_at` as days since 1970-01-01 (an integer), given the zone's offsets. */
export function localDaySql(offsets: ZoneOffset[]): SQL {
  let offset: SQL;
  if (offsets.length === 1) offset = int(offsets[0]!.offsetMs);
  else {
    const whens = offsets
      .slice(1)
      .map((o, k) => sql`WHEN i.occurred_at < ${int(o.startMs)} THEN ${int(offsets[k]!.offsetMs)}`);
    offset = sql`CASE ${sql.join(whens, sql` `)} ELSE ${int(offsets[offsets.length - 1]!.offsetMs)} END`;
  }
  return sql`((i.occurred_at + ${offset}) / ${int(DAY_MS)})`;
}

/** The SQL values of a grouping and the names rows carry them by. */
export interface GroupValues {
  values: SQL[];
  names: string[];
}

/**
 * The values to group by: `g<k>` for the k-th dimension when it is not a time one, then `d`, the local day, when
 * `day` (its SQL) is given (any time dimension: the caller rolls days up to weeks and months).
 */
export function groupValues(dims: readonly MetricsGroupBy[], day: SQL | null): GroupValues {
  const values: SQL[] = [];
  const names: string[] = [];
  dims.forEach((dim, k) => {
    if (isTimeDim(dim)) return;
    values.push(sql`${dimColumn[dim]}`);
    names.push(`g${k}`);
  });
  if (day) {
    values.push(day);
    names.push('d');
  }
  return { values, names };
}

/** Equality on non-time dimensions (one row of a grouped figure); `1 = 1` when there is none. */
export function dimsEqual(entries: readonly [ValueDim, string | null][]): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  for (const [dim, value] of entries) {
    const column = dimColumn[dim];
    parts.push(value === null ? sql`${column} IS NULL` : sql`${column} = ${value}`);
  }
  return sql.join(parts, sql` AND `);
}

/** `i.id IN (…)`. */
export const idIn = (ids: readonly string[]): SQL => sql`i.id IN (${inList(ids)})`;

/** Interactions of the filter counted (`n`) per group, or one row of the total when `group` has no values. */
export async function countInteractions(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  group: GroupValues,
): Promise<Record<string, unknown>[]> {
  const { select, groupBy } = groupedSelect(group, sql`count(*) AS n`);
  return db.all<Record<string, unknown>>(
    sql`SELECT ${select} FROM interactions i WHERE ${filterWhere(orgId, filter)}${groupBy}`,
  );
}

/**
 * The select list (the group's values by their names, then `count`) and the GROUP BY clause (empty without values)
 * of a grouped count: one shape for the raw rows and the day counts alike.
 */
export function groupedSelect(group: GroupValues, count: SQL): { select: SQL; groupBy: SQL } {
  const named = group.values.map((v, k) => sql`${v} AS ${sql.raw(group.names[k]!)}`);
  const groupBy = group.names.length
    ? sql` GROUP BY ${sql.join(
        group.names.map((n) => sql.raw(n)),
        sql`, `,
      )}`
    : sql``;
  return { select: sql.join([...named, count], sql`, `), groupBy };
}

/** An interaction as the drill-down lists it, with its stakeholder's and user's names. */
export interface DrilldownRow {
  id: string;
  occurred_at: number;
  source: DrilldownItem['source'];
  channel: Channel;
  direction: DrilldownItem['direction'];
  thread_key: string;
  title: string | null;
  url: string | null;
  stakeholder_id: string | null;
  stakeholder_name: string | null;
  stakeholder_type: StakeholderType;
  user_id: string;
  user_name: string | null;
  author_name: string;
  author_handle: string | null;
  wait_start: number;
  replied_at: number | null;
  response_ms: number | null;
  response_work_ms: number | null;
  deadline_at: number | null;
  first_response: number;
}

const drilldownColumns = sql`i.id, i.occurred_at, i.source, i.channel, i.direction, i.thread_key, i.title, i.url, i.stakeholder_id,
  s.name AS stakeholder_name, i.stakeholder_type, i.user_id, u.name AS user_name, i.author_name, i.author_handle, i.wait_start, i.replied_at, i.response_ms,
  i.response_work_ms, i.deadline_at, i.first_response`;
const drilldownJoins = sql`LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
  LEFT JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id`;

/** The drill-down rows of these interactions of the org, in no particular order. */
export function drilldownRowsById(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<DrilldownRow[]> {
  return db.all<DrilldownRow>(
    sql`SELECT ${drilldownColumns} FROM interactions i ${drilldownJoins} WHERE i.org_id = ${orgId} AND i.id IN (${inList(ids)})`,
  );
}

/** What the drill-down lists: the filter's interactions in `rangeMs` that `where` (`dimsEqual`) keeps. */
export interface DrilldownScope {
  orgId: string;
  filter: MetricsFilter;
  narrow: { where: SQL; rangeMs: MsRange };
}

const drilldownWhere = (s: DrilldownScope): SQL =>
  sql`${filterWhere(s.orgId, s.filter, s.narrow.rangeMs)} AND ${s.narrow.where}`;

/** How many interactions the drill-down lists (all pages). */
export async function countDrilldown(db: DbOrTx, scope: DrilldownScope): Promise<number> {
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM interactions i WHERE ${drilldownWhere(scope)}`,
  );
  return Number(n);
}

/** `where`, and `i` after the keyset `cursor` (`(occurred_at, id)` of a page's last row) in newest-first order. */
export function afterCursor(where: SQL, cursor: { at: number; id: string } | null): SQL {
  if (!cursor) return where;
  return sql`${where} AND (i.occurred_at < ${int(cursor.at)} OR (i.occurred_at = ${int(cursor.at)} AND i.id < ${cursor.id}))`;
}

/** Up to `limit` drill-down rows, newest first, after the keyset `cursor`. */
export function drilldownPage(
  db: DbOrTx,
  scope: DrilldownScope,
  cursor: { at: number; id: string } | null,
  limit: number,
): Promise<DrilldownRow[]> {
  return db.all<DrilldownRow>(sql`
    SELECT ${drilldownColumns} FROM interactions i ${drilldownJoins}
    WHERE ${afterCursor(drilldownWhere(scope), cursor)} ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${int(limit)}`);
}
