import type { ResponseStats, ResponseTimesResult, TotalsResult } from '@comms-log/shared';
import { responseBuckets } from '@comms-log/shared';
import type { DbHandle } from '../../server/src/db/client';
import type { trpcClient } from './client';
import { sqlGroups, sqlResponseTimes, sqlTotals, type SqlGroups } from './plain-sql';

/*
 * Every query the dashboard's overview and threads pages make when a manager opens them
 * (extension/src/ui/dashboard/overview, threads): each with its plain-SQL twin where one statement can compute
 * the same figures, and the comparison of the two, figure by figure.
 */

const DAY = 86_400_000;

export interface DashboardQuery {
  name: string;
  http: () => Promise<unknown>;
  /** The plain-SQL twin, or none (cadence rules, thread states and goals are not one statement). */
  sql?: () => Promise<unknown>;
  /** null when the server's answer equals the SQL's, else the first difference. */
  compare?: (server: unknown, sql: unknown) => string | null;
}

export interface QueryScope {
  client: ReturnType<typeof trpcClient>;
  reader: DbHandle['client'];
  orgId: string;
  /** The page's period (the last 90 days) and the late-budget's month, as epoch ms; `asOf` is the period's end. */
  fromMs: number;
  toMs: number;
  month: { fromMs: number; toMs: number };
}

const closeEnough = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

const STAT_FIELDS = [
  'waits',
  'answered',
  'meanMs',
  'medianMs',
  'p90Ms',
  'onTime',
  'late',
  'pending',
  'closed',
] as const;

function compareStats(key: string, s: ResponseStats, q: ResponseStats): string | null {
  for (const f of [...STAT_FIELDS, 'onTimeRate'] as const)
    if (!closeEnough(s[f], q[f])) return `${key}.${f}: server ${s[f]}, SQL ${q[f]}`;
  for (const b of responseBuckets)
    if (s.buckets[b] !== q.buckets[b]) return `${key}.buckets.${b}: server ${s.buckets[b]}, SQL ${q.buckets[b]}`;
  return null;
}

/** Response figures: the total and each group (`dims` joined by `/`) against the SQL's. */
const compareResponseTimes = (dims: string[]) => (server: unknown, sql: unknown) => {
  const s = server as ResponseTimesResult;
  const q = sql as Map<string, ResponseStats>;
  const pairs: [string, ResponseStats][] = [
    ['*', s.total],
    ...s.rows.map((r) => [dims.map((d) => r.key[d]).join('/'), r.stats] as [string, ResponseStats]),
  ];
  if (q.size !== pairs.length) return `groups: server ${pairs.length}, SQL ${q.size}`;
  for (const [key, stats] of pairs) {
    const twin = q.get(key);
    if (!twin) return `group ${key} missing in SQL`;
    const diff = compareStats(key, stats, twin);
    if (diff) return diff;
  }
  return null;
};

/** Counts: the total and every group against the SQL's; `keyOfSql` turns a SQL row's key into the server's. */
const compareTotals =
  (dims: string[], keyOfSql: (k: Record<string, string | null>) => string = (k) => dims.map((d) => k[d]).join('/')) =>
  (server: unknown, sql: unknown) => {
    const s = server as TotalsResult;
    const q = sql as TotalsResult;
    if (s.total !== q.total) return `total: server ${s.total}, SQL ${q.total}`;
    const want = new Map<string, number>();
    for (const r of q.rows) want.set(keyOfSql(r.key), (want.get(keyOfSql(r.key)) ?? 0) + r.count);
    const got = new Map(s.rows.map((r) => [dims.map((d) => r.key[d]).join('/'), r.count]));
    for (const [k, n] of want) if (got.get(k) !== n) return `${k}: server ${got.get(k)}, SQL ${n}`;
    return got.size === want.size ? null : `rows: server ${got.size}, SQL ${want.size}`;
  };

/** The ISO week (`2026-W11`) of a local day number: its Thursday's year, and the week that Thursday falls in. */
function isoWeekOfDay(k: Record<string, string | null>): string {
  const day = Number(k.day);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Monday
  const thursday = new Date((day - weekday + 3) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function totalsQueries(q: QueryScope): DashboardQuery[] {
  const filter = { from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString() };
  const totals = (
    name: string,
    dims: string[],
    groups: SqlGroups,
    keyOfSql?: (k: Record<string, string | null>) => string,
  ) => ({
    name,
    http: () => q.client.metrics.totals.query({ filter, groupBy: dims as never }),
    sql: () => sqlTotals(q.reader, q.orgId, q.fromMs, q.toMs, groups),
    compare: compareTotals(dims, keyOfSql),
  });
  return [
    totals('metrics.totals by type × channel', ['stakeholderType', 'channel'], sqlGroups.typeChannel),
    totals('metrics.totals by direction', ['direction'], sqlGroups.direction),
    totals('metrics.totals by user', ['user'], sqlGroups.user),
    totals('metrics.totals by week', ['week'], sqlGroups.day, isoWeekOfDay),
  ];
}

function responseQueries(q: QueryScope): DashboardQuery[] {
  const filter = { from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString() };
  const asOf = filter.to;
  const monthFilter = {
    from: new Date(q.month.fromMs).toISOString(),
    to: new Date(q.month.toMs).toISOString(),
    stakeholderType: ['customer' as const],
  };
  const base = { orgId: q.orgId, asOfMs: q.toMs };
  return [
    {
      name: 'metrics.responseTimes by type × channel',
      http: () =>
        q.client.metrics.responseTimes.query({
          filter,
          groupBy: ['stakeholderType', 'channel'],
          basis: 'working',
          asOf,
        }),
      sql: () =>
        sqlResponseTimes(q.reader, {
          ...base,
          fromMs: q.fromMs,
          toMs: q.toMs,
          group: "stakeholder_type || '/' || channel",
        }),
      compare: compareResponseTimes(['stakeholderType', 'channel']),
    },
    {
      name: 'metrics.responseTimes, customers this month',
      http: () => q.client.metrics.responseTimes.query({ filter: monthFilter, basis: 'working', asOf }),
      sql: () =>
        sqlResponseTimes(q.reader, {
          ...base,
          fromMs: q.month.fromMs,
          toMs: q.month.toMs,
          group: 'NULL',
          where: "stakeholder_type = 'customer'",
        }),
      compare: compareResponseTimes([]),
    },
  ];
}

/** The overview's and the threads page's queries, in the order the pages make them. */
export function dashboardQueries(q: QueryScope): DashboardQuery[] {
  const filter = { from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString() };
  const asOf = filter.to;
  return [
    ...totalsQueries(q),
    ...responseQueries(q),
    { name: 'metrics.coverage', http: () => q.client.metrics.coverage.query({ asOf }) },
    { name: 'metrics.cadence (first page)', http: () => q.client.metrics.cadence.query({ asOf, limit: 50 }) },
    { name: 'reports.goals (evaluation)', http: () => q.client.reports.goals.query({ filter, language: 'en', asOf }) },
    { name: 'metrics.threads (first page)', http: () => q.client.metrics.threads.query({ filter, asOf, limit: 50 }) },
  ];
}
