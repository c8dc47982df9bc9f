import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { responseBuckets, type ResponseStats, type ResponseTimesResult, type TotalsResult } from '@comms-log/shared';
import { issueToken } from '../../server/src/auth/tokens';
import { createDb, migrateDb, type DbHandle } from '../../server/src/db/client';
import { createOrg, createUser } from '../../server/src/services/orgs';
import { currentPlan } from '../../server/src/services/plans';
import { trpcClient } from './client';
import { generateInteractions, makeDirectory } from './generate';
import { Random, ulidAt } from './random';
import { storedColumns, storedRows, storedValues } from './rows';
import { startServer } from './server-process';
import { round, timeRuns, type LatencyStats } from './stats';

const DAY = 86_400_000;

// SQLite binds at most 32,766 parameters a statement.
const ROWS_PER_STATEMENT = Math.floor(32_000 / storedColumns.length);

const insertSql = (rows: number) =>
  `INSERT INTO interactions (${storedColumns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${storedColumns.map(() => '?').join(',')})`).join(',')}`;

export interface LoadResult {
  orgs: number;
  rows: number;
  loadMs: number;
  /** Generating rows and deriving their response fields (the server's own `deriveFields`). */
  deriveMs: number;
  insertMs: number;
  indexMs: number;
  waits: number;
}

export interface MeasuredOrg {
  orgId: string;
  managerToken: string;
}

/**
 * Bulk-load `totalRows` interactions across `orgCount` orgs into the server's schema, the fastest correct way:
 * orgs, users and plans through the server's own services; each org's interactions generated whole, their
 * response fields derived by the server's own `deriveFields` (the shared `pairWaits` under the org's plan —
 * what sync.push stores), then written with multi-row INSERTs, one transaction per org, with the interaction
 * indexes dropped during the load and rebuilt from the migrations' own definitions after it.
 */
export async function bulkLoad(
  handle: DbHandle,
  opts: { orgCount: number; totalRows: number; startMs: number; endMs: number; seed: number },
): Promise<{ load: LoadResult; measured: MeasuredOrg }> {
  const { db, client } = handle;
  const t0 = performance.now();
  let deriveMs = 0;
  let insertMs = 0;
  let waits = 0;
  const indexes = (
    await client.execute(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND sql IS NOT NULL",
    )
  ).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  await client.batch(
    indexes.map((i) => `DROP INDEX ${i.name}`),
    'write',
  );

  let measured: MeasuredOrg | null = null;
  const perOrg = Math.floor(opts.totalRows / opts.orgCount);
  let loaded = 0;
  for (let k = 0; k < opts.orgCount; k++) {
    const count = k === opts.orgCount - 1 ? opts.totalRows - loaded : perOrg;
    const now = opts.endMs;
    const orgSeed = opts.seed * 1000 + k;
    const directory = makeDirectory(orgSeed, 60, 6);
    const org = await createOrg(db, { name: `Bench org ${k + 1}`, timeZone: 'Asia/Shanghai' }, now);
    const userIds: string[] = [];
    for (const u of directory.users)
      userIds.push((await createUser(db, { orgId: org.id, name: u.name, email: u.email, role: u.role }, now)).id);
    const r = new Random(orgSeed);
    const stakeholderIds = directory.stakeholders.map(() => ulidAt(now - 400 * DAY, r));
    const plan = (await currentPlan(db, org.id)).plan;

    const td = performance.now();
    const gens = [
      ...generateInteractions({ seed: orgSeed, count, startMs: opts.startMs, endMs: opts.endMs, directory }),
    ];
    const rows = storedRows(gens, { orgId: org.id, userIds, stakeholderIds }, plan, {
      firstSeq: directory.stakeholders.length + 1,
      now: null,
    });
    const seq = directory.stakeholders.length + rows.length;
    deriveMs += performance.now() - td;

    const ti = performance.now();
    const statements: InStatement[] = [
      {
        sql: `INSERT INTO stakeholders (id, org_id, name, type, tier, organization, active, created_at, updated_at, seq) VALUES ${directory.stakeholders.map(() => '(?,?,?,?,?,?,1,?,?,?)').join(',')}`,
        args: directory.stakeholders.flatMap((s, i) => [
          stakeholderIds[i]!,
          org.id,
          s.name,
          s.type,
          s.tier,
          s.organization,
          now,
          now,
          i + 1,
        ]),
      },
    ];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      statements.push({
        sql: insertSql(chunk.length),
        args: chunk.flatMap((row) => {
          if (row.waitStart) waits++;
          return storedValues(row);
        }),
      });
    }
    statements.push({ sql: 'UPDATE org_seq SET seq = ? WHERE org_id = ?', args: [seq, org.id] });
    await client.batch(statements, 'write');
    insertMs += performance.now() - ti;
    loaded += count;

    if (k === 0) {
      const manager = directory.users.findIndex((u) => u.role === 'manager');
      const token = await issueToken(db, { orgId: org.id, userId: userIds[manager]!, name: 'bench' }, now);
      measured = { orgId: org.id, managerToken: token.token };
    }
  }

  const tx = performance.now();
  await client.batch(
    indexes.map((i) => i.sql),
    'write',
  );
  const indexMs = performance.now() - tx;
  return {
    load: { orgs: opts.orgCount, rows: loaded, loadMs: performance.now() - t0, deriveMs, insertMs, indexMs, waits },
    measured: measured!,
  };
}

/* ---------- the same figures in plain SQL ---------- */

const BUCKET_EDGES_H = [1, 4, 24, 72];

/** metrics.totals by stakeholder type × channel, as one GROUP BY. */
async function sqlTotals(
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
async function sqlResponseTimes(
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

/* ---------- (c) ---------- */

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
