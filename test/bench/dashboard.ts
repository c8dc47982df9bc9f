import { join } from 'node:path';
import { issueToken } from '../../server/src/auth/tokens';
import { createDb, type DbHandle, migrateDb } from '../../server/src/db/client';
import { bulkLoad, type LoadResult, type MeasuredOrg } from './bulk-load';
import { trpcClient } from './client';
import { dashboardQueries, type DashboardQuery } from './dashboard-queries';
import { sqlResponseTimes, sqlTotals } from './plain-sql';
import { startServer } from './server-process';
import { round, timeRuns, type LatencyStats } from './stats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface QueryFigures {
  name: string;
  http: LatencyStats;
  /** The plain-SQL twin's timings, when the query has one. */
  sql: LatencyStats | null;
  /** The server's answer equals the plain SQL's (same counts, percentiles, statuses); null without a twin. */
  sameFigures: boolean | null;
  mismatch: string | null;
}

export interface DashboardResult {
  load: LoadResult;
  /** Days of data the org holds, ending at the run's end. */
  spanDays: number;
  orgRowsInWindow: number;
  waitsInWindow: number;
  queries: QueryFigures[];
  serverStartMs: number;
}

/** Whether the error, or one it was caused by, is the socket closing under the request (either side, any step). */
function closedSocket(e: unknown): boolean {
  for (let c = e as { cause?: unknown; code?: unknown; message?: unknown } | undefined; c; c = c.cause as typeof c) {
    if (['UND_ERR_SOCKET', 'EPIPE', 'ECONNRESET'].includes(String(c.code))) return true;
    if (String(c.message).includes('other side closed')) return true;
  }
  return false;
}

/**
 * A call again when the server closed its kept-alive socket as the client reused it (after the seconds of a
 * plain-SQL run the socket sat idle past the server's keep-alive timeout): a race of the connection, not an answer.
 */
const retryClosedSocket = (call: () => Promise<unknown>) => async (): Promise<unknown> => {
  try {
    return await call();
  } catch (e) {
    if (!closedSocket(e)) throw e;
    return call();
  }
};

/** One query timed over HTTP and (if it has one) as plain SQL, `calls` times each, then compared once. */
async function measure(query: DashboardQuery, calls: number): Promise<QueryFigures> {
  const call = retryClosedSocket(query.http);
  const answer = await call();
  const http = await timeRuns(calls, call);
  if (!query.sql) return { name: query.name, http, sql: null, sameFigures: null, mismatch: null };
  const sql = await timeRuns(calls, query.sql);
  const mismatch = query.compare!(answer, await query.sql());
  return { name: query.name, http, sql, sameFigures: mismatch === null, mismatch };
}

/** A database (c) loaded before (`--dashboard-db`, kept with `--keep`): its org, and a new manager token. */
async function reuseLoaded(handle: DbHandle): Promise<{ load: LoadResult; measured: MeasuredOrg }> {
  const row = (
    await handle.client.execute(
      "SELECT u.org_id, u.id, (SELECT count(*) FROM interactions) AS n FROM users u WHERE u.role = 'manager' LIMIT 1",
    )
  ).rows[0]!;
  const token = await issueToken(handle.db, { orgId: String(row.org_id), userId: String(row.id), name: 'bench' });
  const load = { orgs: 1, rows: Number(row.n), loadMs: 0, deriveMs: 0, insertMs: 0, indexMs: 0, waits: 0 };
  return { load, measured: { orgId: String(row.org_id), managerToken: token.token } };
}

/** The database of (c): loaded now, or (`reuse`) one loaded by an earlier run. */
async function loadDashboard(
  databaseUrl: string,
  opts: { totalRows: number; spanDays: number; seed: number; endMs: number; reuse: boolean },
) {
  const loader = await createDb(databaseUrl);
  try {
    if (opts.reuse) return await reuseLoaded(loader);
    await migrateDb(loader.db);
    const startMs = opts.endMs - opts.spanDays * DAY;
    return await bulkLoad(loader, {
      orgCount: 1,
      totalRows: opts.totalRows,
      startMs,
      endMs: opts.endMs,
      seed: opts.seed,
    });
  } finally {
    loader.close();
  }
}

/**
 * (c) One org holding `totalRows` interactions over `spanDays` days, loaded straight into the server's schema;
 * then every query the dashboard makes for the last 90 days, over real HTTP with a manager token, `calls` times
 * each, next to a plain SQL statement computing the same figures on the same file where one can.
 */
export async function dashboardBench(
  dir: string,
  opts: { totalRows: number; spanDays: number; calls: number; seed: number; endMs: number; reuseDb?: string | null },
): Promise<DashboardResult> {
  const databaseUrl = `file:${opts.reuseDb ?? join(dir, 'dashboard.db')}`;
  const loaded = await loadDashboard(databaseUrl, { ...opts, reuse: Boolean(opts.reuseDb) });
  const { measured } = loaded;
  const toMs = opts.endMs;
  const fromMs = toMs - 90 * DAY;
  // The bench org's zone, Asia/Shanghai, is UTC+8 all year: its month of the run's end.
  const local = new Date(toMs + 8 * HOUR);
  const month = {
    fromMs: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * HOUR,
    toMs: Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - 8 * HOUR,
  };

  const ts = performance.now();
  const server = await startServer({ databaseUrl });
  const serverStartMs = performance.now() - ts;
  const reader = await createDb(databaseUrl);
  try {
    const client = trpcClient(server.url, measured.managerToken);
    const scope = { client, reader: reader.client, orgId: measured.orgId, fromMs, toMs, month };
    const queries: QueryFigures[] = [];
    for (const q of dashboardQueries(scope)) queries.push(await measure(q, opts.calls));
    const window = await sqlTotals(reader.client, measured.orgId, fromMs, toMs, {});
    const waits = await sqlResponseTimes(reader.client, { ...scope, asOfMs: toMs, group: 'NULL' });
    return {
      load: loaded.load,
      spanDays: opts.spanDays,
      orgRowsInWindow: window.total,
      waitsInWindow: waits.get('*')?.waits ?? 0,
      queries,
      serverStartMs: round(serverStartMs, 0),
    };
  } finally {
    reader.close();
    await server.stop();
  }
}
