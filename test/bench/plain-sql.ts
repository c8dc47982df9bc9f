import { responseBuckets, type ResponseStats, type TotalsResult } from '@comms-log/shared';
import type { DbHandle } from '../../server/src/db/client';

/** The dashboard's figures computed by plain SQL on the same file, to time and check the server against. */

const BUCKET_EDGES_H = [1, 4, 24, 72];

/** Asia/Shanghai, the bench org's zone, is UTC+8 all year (no DST since 1991): its local day in plain SQL. */
const LOCAL_DAY_SQL = '((occurred_at + 28800000) / 86400000)';

/** A plain SQL grouping: each column's SQL by the dimension name it answers (`day`: the local day number). */
export type SqlGroups = Record<string, string>;

export const sqlGroups = {
  typeChannel: { stakeholderType: 'stakeholder_type', channel: 'channel' },
  direction: { direction: 'direction' },
  user: { user: 'user_id' },
  day: { day: LOCAL_DAY_SQL },
} satisfies Record<string, SqlGroups>;

/** metrics.totals grouped by `groups`, as one GROUP BY over the raw rows; keys as the SQL gives them. */
export async function sqlTotals(
  client: DbHandle['client'],
  orgId: string,
  fromMs: number,
  toMs: number,
  groups: SqlGroups,
): Promise<TotalsResult> {
  const cols = Object.entries(groups);
  const select = [...cols.map(([name, expr]) => `${expr} AS "${name}"`), 'count(*) AS n'].join(', ');
  const groupBy = cols.length ? `GROUP BY ${cols.map((_, k) => k + 1).join(', ')}` : '';
  const res = await client.execute({
    sql: `SELECT ${select} FROM interactions
          WHERE org_id = ? AND deleted = 0 AND occurred_at >= ? AND occurred_at < ? ${groupBy}`,
    args: [orgId, fromMs, toMs],
  });
  const rows = res.rows.map((r) => ({
    key: Object.fromEntries(cols.map(([name]) => [name, r[name] === null ? null : String(r[name])])),
    count: Number(r.n),
  }));
  return { total: rows.reduce((s, r) => s + r.count, 0), rows };
}

/** The waits a plain response-times statement reads: the org's in [fromMs, toMs) as of `asOfMs`, and which group. */
export interface SqlWaitsScope {
  orgId: string;
  fromMs: number;
  toMs: number;
  asOfMs: number;
  /** SQL of a wait's group (`NULL` for none: the total alone). */
  group: string;
  /** More conditions on the waits, e.g. `stakeholder_type = 'customer'`. */
  where?: string;
}

/**
 * metrics.responseTimes (working basis) by `scope.group` and in total (`*`), in one statement: each wait's status
 * as of `asOf` (closed; replied by the deadline or not; unanswered past it = late), mean, buckets, and median
 * and p90 by nearest rank (rank ⌈p·n/100⌉) over the answered waits of each group.
 */
export async function sqlResponseTimes(client: DbHandle['client'], scope: SqlWaitsScope) {
  const buckets = BUCKET_EDGES_H.map((h, i) => {
    const lo = i === 0 ? null : BUCKET_EDGES_H[i - 1]! * 3_600_000;
    return `sum(CASE WHEN ms IS NOT NULL AND ms < ${h * 3_600_000}${lo === null ? '' : ` AND ms >= ${lo}`} THEN 1 ELSE 0 END) AS b${i}`;
  });
  buckets.push(`sum(CASE WHEN ms >= ${72 * 3_600_000} THEN 1 ELSE 0 END) AS b4`);
  const res = await client.execute({
    sql: `WITH w AS (
        SELECT ${scope.group} AS g,
          CASE WHEN on_time = 'closed' THEN 'closed'
               WHEN replied_at IS NOT NULL AND replied_at <= :asOf THEN CASE WHEN deadline_at IS NULL OR replied_at <= deadline_at THEN 'on_time' ELSE 'late' END
               WHEN deadline_at IS NOT NULL AND :asOf > deadline_at THEN 'late'
               ELSE 'pending' END AS status,
          CASE WHEN on_time IS NOT 'closed' AND replied_at IS NOT NULL AND replied_at <= :asOf THEN response_work_ms END AS ms
        FROM interactions
        WHERE org_id = :org AND deleted = 0 AND wait_start = 1 AND occurred_at >= :from AND occurred_at < :to${scope.where ? ` AND ${scope.where}` : ''}
      ),
      s AS (SELECT g, status, ms FROM w WHERE g IS NOT NULL UNION ALL SELECT '*', status, ms FROM w),
      ranked AS (SELECT g, ms, row_number() OVER (PARTITION BY g ORDER BY ms) AS rn, count(*) OVER (PARTITION BY g) AS n FROM s WHERE ms IS NOT NULL),
      pct AS (
        SELECT g, max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN ms END) AS median_ms, max(CASE WHEN rn = max(1, (90 * n + 99) / 100) THEN ms END) AS p90_ms
        FROM ranked GROUP BY g
      )
      SELECT s.g, count(*) AS waits, count(s.ms) AS answered, avg(s.ms) AS mean_ms, pct.median_ms, pct.p90_ms,
        sum(status = 'on_time') AS on_time, sum(status = 'late') AS late, sum(status = 'pending') AS pending, sum(status = 'closed') AS closed,
        ${buckets.join(', ')}
      FROM s LEFT JOIN pct ON pct.g = s.g
      GROUP BY s.g ORDER BY s.g`,
    args: { org: scope.orgId, from: scope.fromMs, to: scope.toMs, asOf: scope.asOfMs },
  });
  const stats = new Map<string, ResponseStats>();
  for (const r of res.rows) {
    const onTime = Number(r.on_time);
    const late = Number(r.late);
    stats.set(String(r.g), {
      waits: Number(r.waits),
      answered: Number(r.answered),
      meanMs: r.mean_ms === null ? null : Number(r.mean_ms),
      medianMs: r.median_ms === null ? null : Number(r.median_ms),
      p90Ms: r.p90_ms === null ? null : Number(r.p90_ms),
      buckets: Object.fromEntries(responseBuckets.map((b, i) => [b, Number(r[`b${i}`])])) as ResponseStats['buckets'],
      onTime,
      late,
      pending: Number(r.pending),
      closed: Number(r.closed),
      onTimeRate: onTime + late === 0 ? null : onTime / (onTime + late),
    });
  }
  return stats;
}
