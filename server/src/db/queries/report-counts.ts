import { type SQL, sql } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { type DayRange, dayCountRowsSql } from './day-counts';
import { filterDims, filterWhere, groupedSelect, type GroupValues } from './metrics';

/*
 * The report's fine counts (services/reports/fine-counts.ts): interactions per type, channel, direction, user,
 * purpose and local day, each row `[type, channel, direction, user, purpose, day, n]`. They have tens of thousands
 * of groups, so they cross from SQLite as one JSON array of arrays: one string costs a fraction of as many result
 * rows, and arrays cost less than row objects.
 */

export type FineRow = [string, string, string, string, string | null, number, number];

async function readPacked(db: DbOrTx, stmt: SQL): Promise<FineRow[]> {
  const [row] = await db.all<{ j: string | null }>(stmt);
  return JSON.parse(row?.j ?? '[]') as FineRow[];
}

/**
 * The raw rows of the filter counted per group of `group`: the fine columns (`g1`…`g5`, in a fine row's order)
 * and the local day (`d`).
 */
export function fineRawRows(db: DbOrTx, orgId: string, filter: MetricsFilter, group: GroupValues): Promise<FineRow[]> {
  const { select, groupBy } = groupedSelect(group, sql`count(*) AS n`);
  const cols = sql.raw([...group.names, 'n'].map((n) => `c.${n}`).join(', '));
  return readPacked(
    db,
    sql`SELECT json_group_array(json_array(${cols})) AS j
      FROM (SELECT ${select} FROM interactions i WHERE ${filterWhere(orgId, filter)}${groupBy}) c`,
  );
}

/** The day counts of the whole local days `days` the filter keeps, each its own fine row. */
export function fineDayCountRows(db: DbOrTx, orgId: string, filter: MetricsFilter, days: DayRange): Promise<FineRow[]> {
  const row = sql`json_group_array(json_array(i.stakeholder_type, i.channel, i.direction, i.user_id, i.purpose, i.day, i.n)) AS j`;
  return readPacked(db, dayCountRowsSql(orgId, filter, row, days));
}

/** One sum per filter of `each` (`n0`, `n1`, …) of `counted` over the rows that filter's columns keep. */
const sumsOf = (each: readonly MetricsFilter[], counted: SQL): SQL =>
  sql.join(
    each.map((f, k) => sql`coalesce(sum(CASE WHEN ${filterDims(f)} THEN ${counted} END), 0) AS ${sql.raw(`n${k}`)}`),
    sql`, `,
  );

const countsOf = (row: Record<string, unknown> | undefined, n: number): number[] =>
  Array.from({ length: n }, (_, k) => Number(row?.[`n${k}`] ?? 0));

/**
 * The raw rows of `base` counted once for each filter of `each` (filters that narrow `base` by type, channel,
 * direction or purpose): one pass over the rows for all of them.
 */
export async function countEachRaw(
  db: DbOrTx,
  orgId: string,
  base: MetricsFilter,
  each: readonly MetricsFilter[],
): Promise<number[]> {
  const [row] = await db.all<Record<string, unknown>>(
    sql`SELECT ${sumsOf(each, sql`1`)} FROM interactions i WHERE ${filterWhere(orgId, base)}`,
  );
  return countsOf(row, each.length);
}

/** The day counts of the whole local days `days` of `base` summed once for each filter of `each`, in one pass. */
export async function sumDayCountsEach(
  db: DbOrTx,
  orgId: string,
  base: MetricsFilter,
  each: readonly MetricsFilter[],
  days: DayRange,
): Promise<number[]> {
  const [row] = await db.all<Record<string, unknown>>(dayCountRowsSql(orgId, base, sumsOf(each, sql`i.n`), days));
  return countsOf(row, each.length);
}
