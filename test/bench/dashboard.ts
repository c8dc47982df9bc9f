import { join } from 'node:path';
import type { ResponseStats, ResponseTimesResult, TotalsResult } from '@comms-log/shared';
import { responseBuckets } from '@comms-log/shared';
import { createDb, migrateDb } from '../../server/src/db/client';
import { bulkLoad, type LoadResult } from './bulk-load';
import { trpcClient } from './client';
import { sqlResponseTimes, sqlTotals } from './plain-sql';
import { startServer } from './server-process';
import { round, timeRuns, type LatencyStats } from './stats';

const DAY = 86_400_000;

export interface QueryFigures {
  http: LatencyStats;
  sql: LatencyStats;
  /** The server's answer equals the plain SQL's (same counts, percentiles, statuses). */
  sameFigures: boolean;
  mismatch: string | null;
}

export interface DashboardResult {
  load: LoadResult;
  orgRowsInWindow: number;
  waitsInWindow: number;
  responseTimes: QueryFigures;
  totals: QueryFigures;
  serverStartMs: number;
}

const closeEnough = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

function compareResponseTimes(server: ResponseTimesResult, sql: Map<string, ResponseStats>): string | null {
  const pairs: [string, ResponseStats][] = [
    ['*', server.total],
    ...server.rows.map((r) => [String(r.key.stakeholderType), r.stats] as [string, ResponseStats]),
  ];
  if (sql.size !== pairs.length) return `groups: server ${pairs.length}, SQL ${sql.size}`;
  for (const [key, s] of pairs) {
    const q = sql.get(key);
    if (!q) return `group ${key} missing in SQL`;
    for (const f of [
      'waits',
      'answered',
      'meanMs',
      'medianMs',
      'p90Ms',
      'onTime',
      'late',
      'pending',
      'closed',
      'onTimeRate',
    ] as const) {
      if (!closeEnough(s[f], q[f])) return `${key}.${f}: server ${s[f]}, SQL ${q[f]}`;
    }
    for (const b of responseBuckets)
      if (s.buckets[b] !== q.buckets[b]) return `${key}.buckets.${b}: server ${s.buckets[b]}, SQL ${q.buckets[b]}`;
  }
  return null;
}

function compareTotals(server: TotalsResult, sql: TotalsResult): string | null {
  if (server.total !== sql.total) return `total: server ${server.total}, SQL ${sql.total}`;
  const key = (k: Record<string, string | null>) => `${k.stakeholderType}/${k.channel}`;
  const s = new Map(server.rows.map((r) => [key(r.key), r.count]));
  for (const r of sql.rows)
    if (s.get(key(r.key)) !== r.count) return `${key(r.key)}: server ${s.get(key(r.key))}, SQL ${r.count}`;
  return s.size === sql.rows.length ? null : `rows: server ${s.size}, SQL ${sql.rows.length}`;
}

/**
 * (c) `metrics.responseTimes` and `metrics.totals` for a 90-day window of one org, over real HTTP with a manager
 * token, `calls` times each, next to the plain SQL aggregate of the same figures on the same file.
 */
export async function dashboardBench(
  dir: string,
  opts: { orgCount: number; totalRows: number; calls: number; seed: number; endMs: number },
): Promise<DashboardResult> {
  const databaseUrl = `file:${join(dir, 'dashboard.db')}`;
  const startMs = opts.endMs - 180 * DAY;
  const loader = await createDb(databaseUrl);
  let loaded: Awaited<ReturnType<typeof bulkLoad>>;
  try {
    await migrateDb(loader.db);
    loaded = await bulkLoad(loader, {
      orgCount: opts.orgCount,
      totalRows: opts.totalRows,
      startMs,
      endMs: opts.endMs,
      seed: opts.seed,
    });
  } finally {
    loader.close();
  }
  const { measured } = loaded;
  const toMs = opts.endMs;
  const fromMs = toMs - 90 * DAY;
  const filter = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  const asOf = filter.to;

  const ts = performance.now();
  const server = await startServer({ databaseUrl });
  const serverStartMs = performance.now() - ts;
  const reader = await createDb(databaseUrl);
  try {
    const client = trpcClient(server.url, measured.managerToken);
    const callResponseTimes = () =>
      client.metrics.responseTimes.query({ filter, groupBy: ['stakeholderType'], basis: 'working', asOf });
    const callTotals = () => client.metrics.totals.query({ filter, groupBy: ['stakeholderType', 'channel'] });
    const rtHttp = await timeRuns(opts.calls, callResponseTimes);
    const totHttp = await timeRuns(opts.calls, callTotals);
    const rtSql = await timeRuns(opts.calls, () =>
      sqlResponseTimes(reader.client, measured.orgId, fromMs, toMs, Date.parse(asOf)),
    );
    const totSql = await timeRuns(opts.calls, () => sqlTotals(reader.client, measured.orgId, fromMs, toMs));

    const rtMismatch = compareResponseTimes(
      await callResponseTimes(),
      await sqlResponseTimes(reader.client, measured.orgId, fromMs, toMs, Date.parse(asOf)),
    );
    const totalsSql = await sqlTotals(reader.client, measured.orgId, fromMs, toMs);
    const totMismatch = compareTotals(await callTotals(), totalsSql);
    const sqlRt = await sqlResponseTimes(reader.client, measured.orgId, fromMs, toMs, Date.parse(asOf));
    return {
      load: loaded.load,
      orgRowsInWindow: totalsSql.total,
      waitsInWindow: sqlRt.get('*')?.waits ?? 0,
      responseTimes: { http: rtHttp, sql: rtSql, sameFigures: rtMismatch === null, mismatch: rtMismatch },
      totals: { http: totHttp, sql: totSql, sameFigures: totMismatch === null, mismatch: totMismatch },
      serverStartMs: round(serverStartMs, 0),
    };
  } finally {
    reader.close();
    await server.stop();
  }
}
