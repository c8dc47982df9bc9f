import { responseBuckets, type ResponseStats, type TotalsResult } from '@comms-log/shared';
import type { DbHandle } from '../../server/src/db/client';

/** The dashboard's figures computed by plain SQL on the same file, to time and check the server against. */

const BUCKET_EDGES_H = [1, 4, 24, 72];

/** metrics.totals by stakeholder type × channel, as one GROUP BY. */
export async function sqlTotals(
  client: DbHandle['client'],
  orgId: string,
  fromMs: number,
  toMs: number,
): Promise<TotalsResult> {
  const res = await client.execute({
    sql: `SELECT stakeholder_type, channel, count(*) AS n FROM interactions
          WHERE org_id = ? AND deleted = 0 AND occurred_at >= ? AND occurred_at < ?
          GROUP BY stakeholder_type, channel ORDER BY stakeholder_type, channel`,
    args: [orgId, fromMs, toMs],
  });
  const rows = res.rows.map((r) => ({
    key: { stakeholderType: String(r.stakeholder_type), channel: String(r.channel) },
    count: Number(r.n),
  }));
  return { total: rows.reduce((s, r) => s + r.count, 0), rows };
}

/**
 * metrics.responseTimes (working basis) by stakeholder type and in total, in one statement: each wait's status
 * as of `asOf` (closed; replied by the deadline or not; unanswered past it = late), mean, buckets, and median
 * and p90 by nearest rank (rank ⌈p·n/100⌉) over the answered waits of each group.
 */
export async function sqlResponseTimes(
  client: DbHandle['client'],
  orgId: string,
  fromMs: number,
  toMs: number,
  asOfMs: number,
) {
  const buckets = BUCKET_EDGES_H.map((h, i) => {
    const lo = i === 0 ? null : BUCKET_EDGES_H[i - 1]! * 3_600_000;
    return `sum(CASE WHEN ms IS NOT NULL AND ms < ${h * 3_600_000}${lo === null ? '' : ` AND ms >= ${lo}`} THEN 1 ELSE 0 END) AS b${i}`;
  });
  buckets.push(`sum(CASE WHEN ms >= ${72 * 3_600_000} THEN 1 ELSE 0 END) AS b4`);
  const res = await client.execute({
    sql: `WITH w AS (
        SELECT stakeholder_type AS g,
          CASE WHEN on_time = 'closed' THEN 'closed'
               WHEN replied_at IS NOT NULL AND replied_at <= :asOf THEN CASE WHEN deadline_at IS NULL OR replied_at <= deadline_at THEN 'on_time' ELSE 'late' END
               WHEN deadline_at IS NOT NULL AND :asOf > deadline_at THEN 'late'
               ELSE 'pending' END AS status,
          CASE WHEN on_time IS NOT 'closed' AND replied_at IS NOT NULL AND replied_at <= :asOf THEN response_work_ms END AS ms
        FROM interactions
        WHERE org_id = :org AND deleted = 0 AND wait_start = 1 AND occurred_at >= :from AND occurred_at < :to
      ),
      s AS (SELECT g, status, ms FROM w UNION ALL SELECT '*', status, ms FROM w),
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
    args: { org: orgId, from: fromMs, to: toMs, asOf: asOfMs },
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
