import { TRPCError } from '@trpc/server';
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  classifyWait,
  coverageRate,
  cadenceStatus,
  resolveCadence,
  ResponseStatsAccumulator,
  type CadenceContact,
  type CadenceState,
  type CadenceStatus,
  type Channel,
  type CoverageResult,
  type DrilldownItem,
  type MetricsFilter,
  type MetricsGroupBy,
  type MetricsInteractionsResult,
  type Plan,
  type ResponseTimesResult,
  type StakeholderType,
  type TotalsResult,
  type WaitFigures,
  type WaitStatus,
  stakeholderTypes,
} from '@comms-log/shared';
import type { AuthUser } from '../context';
import type { DbOrTx } from '../db/client';
import { inList, int } from '../db/sql-values';
import { toIso, toIsoOrNull } from '../iso';
import { lastContactsOfOurs, selectCadenceStakeholders } from './cadence-inputs';
import { currentPlan } from './plans';

/*
 * Dashboard figures (docs/metrics.md), straight from the interactions table: counts are grouped in SQL; response
 * figures read only the few columns of the wait rows in range and are folded by the shared
 * `ResponseStatsAccumulator` (what `summarizeWaits` uses), so the math lives in one place. Days, ISO weeks and
 * months are those of the plan calendar's time zone.
 */

const DAY_MS = 86_400_000;

export interface MetricsCtx {
  db: DbOrTx;
  user: Pick<AuthUser, 'id' | 'orgId' | 'role'>;
}

/** What several figures of one request share (the report computes many over the same plan). */
export interface MetricsEnv {
  plan: Plan;
  planVersion: number;
}

export async function loadEnv(ctx: MetricsCtx): Promise<MetricsEnv> {
  const stored = await currentPlan(ctx.db, ctx.user.orgId);
  return { plan: stored.plan, planVersion: stored.version };
}

/** Staff see only their own interactions: the user filter is forced to the caller, whatever was asked. */
export function scopeFilter(user: MetricsCtx['user'], filter: MetricsFilter): MetricsFilter {
  return user.role === 'staff' ? { ...filter, userId: [user.id] } : filter;
}

const timeDims = new Set<MetricsGroupBy>(['day', 'week', 'month']);

/** SQL of the non-time group dimensions, over `interactions i`. */
const dimColumn: Record<Exclude<MetricsGroupBy, 'day' | 'week' | 'month'>, SQL> = {
  stakeholderType: sql.raw('i.stakeholder_type'),
  channel: sql.raw('i.channel'),
  user: sql.raw('i.user_id'),
  stakeholder: sql.raw('i.stakeholder_id'),
  direction: sql.raw('i.direction'),
};

/**
 * The WHERE clause of a filter over `interactions i` of the org: not deleted, `occurred_at` in [from, to).
 * `rangeMs` overrides the filter's range (drill-down into one time bucket).
 */
export function filterWhere(orgId: string, f: MetricsFilter, rangeMs?: { from: number; to: number }): SQL {
  const from = rangeMs?.from ?? Date.parse(f.from);
  const to = rangeMs?.to ?? Date.parse(f.to);
  const parts: SQL[] = [
    sql`i.org_id = ${orgId}`,
    sql`i.deleted = 0`,
    sql`i.occurred_at >= ${int(from)}`,
    sql`i.occurred_at < ${int(to)}`,
  ];
  if (f.stakeholderType?.length) parts.push(sql`i.stakeholder_type IN (${inList(f.stakeholderType)})`);
  if (f.channel?.length) parts.push(sql`i.channel IN (${inList(f.channel)})`);
  if (f.userId?.length) parts.push(sql`i.user_id IN (${inList(f.userId)})`);
  if (f.stakeholderId?.length) parts.push(sql`i.stakeholder_id IN (${inList(f.stakeholderId)})`);
  if (f.tier?.length)
    parts.push(
      sql`i.stakeholder_id IN (SELECT s.id FROM stakeholders s WHERE s.org_id = ${orgId} AND s.tier IN (${inList(f.tier)}))`,
    );
  if (f.direction) parts.push(sql`i.direction = ${f.direction}`);
  return sql.join(parts, sql` AND `);
}

/* ---------- time buckets in the org's zone ---------- */

const offsetAt = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).offset * 60_000;

/**
 * The zone's UTC offsets over [fromMs, toMs): the offset in force from each start on. Sampled daily (zones change
 * offset at most a few times a year, never twice a day), each change located to the millisecond by bisection.
 */
export function zoneOffsets(fromMs: number, toMs: number, zone: string): { startMs: number; offsetMs: number }[] {
  const out = [{ startMs: fromMs, offsetMs: offsetAt(fromMs, zone) }];
  let prevMs = fromMs;
  let prevOffset = out[0]!.offsetMs;
  for (let t = Math.min(fromMs + DAY_MS, toMs); ; t = Math.min(t + DAY_MS, toMs)) {
    const o = offsetAt(t, zone);
    if (o !== prevOffset) {
      let lo = prevMs;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid, zone) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ startMs: hi, offsetMs: o });
      prevOffset = o;
    }
    prevMs = t;
    if (t >= toMs) break;
  }
  return out;
}

/** SQL: the local calendar day of `i.occurred_at` in the zone, as days since 1970-01-01 (an integer). */
function localDaySql(fromMs: number, toMs: number, zone: string): SQL {
  const offsets = zoneOffsets(fromMs, toMs, zone);
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

const dayIso = (localDay: number): string => new Date(localDay * DAY_MS).toISOString().slice(0, 10);

/** The key of a local day (days since epoch) in a time dimension: `2026-03-09`, `2026-W11` (ISO week), `2026-03`. */
export function timeKey(localDay: number, dim: 'day' | 'week' | 'month'): string {
  if (dim === 'day') return dayIso(localDay);
  if (dim === 'month') return dayIso(localDay).slice(0, 7);
  return DateTime.fromMillis(localDay * DAY_MS, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/** [start, end) in epoch ms of a day/week/month key in the zone; null when the key is malformed. */
export function timeKeyRange(
  dim: 'day' | 'week' | 'month',
  key: string,
  zone: string,
): { from: number; to: number } | null {
  const pattern = { day: /^\d{4}-\d{2}-\d{2}$/, week: /^\d{4}-W\d{2}$/, month: /^\d{4}-\d{2}$/ }[dim];
  if (!pattern.test(key)) return null;
  const start = DateTime.fromISO(key, { zone });
  if (!start.isValid) return null;
  const unit = dim === 'day' ? 'day' : dim === 'week' ? 'week' : 'month';
  const from = start.startOf(unit);
  return { from: from.toMillis(), to: from.plus({ [`${unit}s`]: 1 }).toMillis() };
}

/** Every local day in [fromMs, toMs) of the zone, as days since epoch. */
export function localDaysIn(fromMs: number, toMs: number, zone: string): number[] {
  const days: number[] = [];
  let d = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  while (d.toMillis() < toMs) {
    days.push(Math.floor((d.toMillis() + d.offset * 60_000) / DAY_MS));
    d = d.plus({ days: 1 });
  }
  return days;
}

/* ---------- grouping ---------- */

type KeyRecord = Record<string, string | null>;

interface Grouping {
  dims: MetricsGroupBy[];
  /** SELECT list entries (`g0`, `g1`, … and `d` for the local day), empty when not grouped. */
  select: SQL[];
  /** The same values without their names, in the same order (`names`). */
  values: SQL[];
  names: string[];
  groupBy: SQL[];
  keyOf(row: Record<string, unknown>): KeyRecord;
}

function grouping(dims: readonly MetricsGroupBy[], fromMs: number, toMs: number, zone: string): Grouping {
  const unique = [...new Set(dims)];
  const values: SQL[] = [];
  const names: string[] = [];
  unique.forEach((dim, k) => {
    if (timeDims.has(dim)) return;
    values.push(sql`${dimColumn[dim as keyof typeof dimColumn]}`);
    names.push(`g${k}`);
  });
  if (unique.some((d) => timeDims.has(d))) {
    values.push(localDaySql(fromMs, toMs, zone));
    names.push('d');
  }
  return {
    dims: unique,
    select: values.map((v, k) => sql`${v} AS ${sql.raw(names[k]!)}`),
    values,
    names,
    groupBy: names.map((n) => sql.raw(n)),
    keyOf(row) {
      const key: KeyRecord = {};
      unique.forEach((dim, k) => {
        if (timeDims.has(dim)) key[dim] = timeKey(Number(row.d), dim as 'day' | 'week' | 'month');
        else {
          const v = row[`g${k}`];
          key[dim] = v === null || v === undefined ? null : String(v);
        }
      });
      return key;
    },
  };
}

const keyString = (dims: readonly MetricsGroupBy[], key: KeyRecord): string =>
  JSON.stringify(dims.map((d) => key[d] ?? null));

function compareKeys(dims: readonly MetricsGroupBy[], a: KeyRecord, b: KeyRecord): number {
  for (const d of dims) {
    const x = a[d] ?? null;
    const y = b[d] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/* ---------- metrics.totals ---------- */

export interface TotalsParams {
  filter: MetricsFilter;
  groupBy: MetricsGroupBy[];
}

/** Counts of interactions in [from, to), grouped in SQL (time dimensions by local day, rolled up here). */
export async function metricsTotals(ctx: MetricsCtx, input: TotalsParams, env?: MetricsEnv): Promise<TotalsResult> {
  const { plan } = env ?? (await loadEnv(ctx));
  const filter = scopeFilter(ctx.user, input.filter);
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const g = grouping(input.groupBy, fromMs, toMs, plan.calendar.timeZone);
  const select = g.select.length ? sql.join([...g.select, sql`count(*) AS n`], sql`, `) : sql`count(*) AS n`;
  const groupBy = g.groupBy.length ? sql` GROUP BY ${sql.join(g.groupBy, sql`, `)}` : sql``;
  const rows = await ctx.db.all<Record<string, unknown>>(
    sql`SELECT ${select} FROM interactions i WHERE ${filterWhere(ctx.user.orgId, filter)}${groupBy}`,
  );
  let total = 0;
  const merged = new Map<string, { key: KeyRecord; count: number }>();
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    if (g.dims.length === 0) continue;
    const key = g.keyOf(row);
    const ks = keyString(g.dims, key);
    const hit = merged.get(ks);
    if (hit) hit.count += n;
    else merged.set(ks, { key, count: n });
  }
  const out = [...merged.values()].filter((r) => r.count > 0).sort((a, b) => compareKeys(g.dims, a.key, b.key));
  return { total, rows: out };
}

/**
 * Totals grouped by some of the dimensions `totals` was grouped by, summed from its rows, in the order
 * `metricsTotals` gives them: one fine-grained query can answer several coarser questions.
 */
export function rollUpTotals(totals: TotalsResult, dims: readonly MetricsGroupBy[]): TotalsResult {
  const unique = [...new Set(dims)];
  const merged = new Map<string, { key: KeyRecord; count: number }>();
  for (const row of totals.rows) {
    const key: KeyRecord = {};
    for (const d of unique) {
      if (!(d in row.key)) throw new Error(`rollUpTotals: the totals are not grouped by ${d}`);
      key[d] = row.key[d] ?? null;
    }
    const ks = keyString(unique, key);
    const hit = merged.get(ks);
    if (hit) hit.count += row.count;
    else merged.set(ks, { key, count: row.count });
  }
  return {
    total: totals.total,
    rows: unique.length ? [...merged.values()].sort((a, b) => compareKeys(unique, a.key, b.key)) : [],
  };
}

/* ---------- waits ---------- */

/**
 * When a stored closed wait was closed: its `wait_closures` row's time, or (closed on a later message of the
 * block) its start. Null for waits that are not closed.
 */
export const closedAtValue = sql`CASE WHEN i.on_time = 'closed' THEN max(i.occurred_at, coalesce((SELECT wc.closed_at FROM wait_closures wc WHERE wc.org_id = i.org_id AND wc.interaction_id = i.id), i.occurred_at)) END`;

/** Waits read per statement when a period is scanned: a month of it at a time. */
const WAIT_WINDOW_MS = 31 * DAY_MS;

/**
 * Visit the waits that start in [from, to) of `filter` (and `narrow`), a month of the period at a time, oldest
 * window first (or newest first with `newestFirst`), each window's waits as one JSON array of `values` per wait:
 * memory holds one window however long the period (whole rows of a six-month period of a large org took ~1.9 kB a
 * wait). Within a window the waits come in no particular order.
 */
export async function scanWaits(
  ctx: MetricsCtx,
  filter: MetricsFilter,
  values: SQL[],
  visit: (rows: unknown[][]) => void,
  opts: { narrow?: { where: SQL; rangeMs?: { from: number; to: number } }; newestFirst?: boolean } = {},
): Promise<void> {
  const fromMs = opts.narrow?.rangeMs?.from ?? Date.parse(filter.from);
  const toMs = opts.narrow?.rangeMs?.to ?? Date.parse(filter.to);
  const windows: { from: number; to: number }[] = [];
  for (let start = fromMs; start < toMs; start += WAIT_WINDOW_MS)
    windows.push({ from: start, to: Math.min(start + WAIT_WINDOW_MS, toMs) });
  if (opts.newestFirst) windows.reverse();
  const columns = sql.join(values, sql`, `);
  for (const range of windows) {
    const [row] = await ctx.db.all<{ j: string }>(
      sql`SELECT json_group_array(json_array(${columns})) AS j FROM interactions i
        WHERE ${filterWhere(ctx.user.orgId, filter, range)} AND i.wait_start = 1${opts.narrow ? sql` AND ${opts.narrow.where}` : sql``}`,
    );
    visit(JSON.parse(row?.j ?? '[]') as unknown[][]);
  }
}

/* ---------- metrics.responseTimes ---------- */

export interface ResponseTimesParams {
  filter: MetricsFilter;
  groupBy: MetricsGroupBy[];
  basis: 'working' | 'calendar';
  asOf?: string | undefined;
}

export const asOfMs = (asOf: string | undefined | null, now = Date.now()): number => (asOf ? Date.parse(asOf) : now);

/**
 * Response figures over waits starting in [from, to), as of `asOf`, on the working or calendar basis: the waits'
 * five figures, a month at a time (`scanWaits`), folded into a `ResponseStatsAccumulator` per group.
 */
export async function metricsResponseTimes(
  ctx: MetricsCtx,
  input: ResponseTimesParams,
  env?: MetricsEnv,
): Promise<ResponseTimesResult> {
  const e = env ?? (await loadEnv(ctx));
  const filter = scopeFilter(ctx.user, input.filter);
  const options = { basis: input.basis, asOfMs: asOfMs(input.asOf) };
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const g = grouping(input.groupBy, fromMs, toMs, e.plan.calendar.timeZone);
  const rm = sql.raw(input.basis === 'working' ? 'i.response_work_ms' : 'i.response_ms');
  const total = new ResponseStatsAccumulator(options);
  const groups = new Map<string, { key: KeyRecord; acc: ResponseStatsAccumulator }>();
  const accByRaw = new Map<string, ResponseStatsAccumulator>();
  await scanWaits(ctx, filter, [sql`i.replied_at`, rm, sql`i.deadline_at`, closedAtValue, ...g.values], (rows) => {
    for (const r of rows) {
      const figures: WaitFigures = {
        replyAtMs: r[0] as number | null,
        responseMs: input.basis === 'calendar' ? (r[1] as number | null) : null,
        responseWorkMs: input.basis === 'working' ? (r[1] as number | null) : null,
        deadlineMs: r[2] as number | null,
        closedAtMs: r[3] as number | null,
      };
      total.add(figures);
      if (!g.dims.length) continue;
      // Several raw values can make one key (the days of a week): the key is worked out once per raw value.
      const raw = JSON.stringify(r.length === 5 ? r[4] : r.slice(4));
      let acc = accByRaw.get(raw);
      if (!acc) {
        const named: Record<string, unknown> = {};
        g.names.forEach((n, k) => (named[n] = r[4 + k]));
        const key = g.keyOf(named);
        const ks = keyString(g.dims, key);
        let grp = groups.get(ks);
        if (!grp) groups.set(ks, (grp = { key, acc: new ResponseStatsAccumulator(options) }));
        accByRaw.set(raw, (acc = grp.acc));
      }
      acc.add(figures);
    }
  });
  const rows = [...groups.values()]
    .sort((a, b) => compareKeys(g.dims, a.key, b.key))
    .map((grp) => ({ key: grp.key, stats: grp.acc.result() }));
  return { basis: input.basis, total: total.result(), rows };
}

/* ---------- metrics.coverage ---------- */

export interface StakeholderCadence {
  id: string;
  name: string;
  type: StakeholderType;
  tier: string;
  ownerUserId: string | null;
  status: CadenceStatus;
  /** The last contact of ours in any channel at or before the instant asked (whatever the rules count). */
  lastContactMs: number | null;
}

/**
 * Cadence of every active stakeholder with at least one cadence rule, as of `asOfMs` (shared `resolveCadence`
 * and `cadenceStatus`). Staff get the stakeholders they own. Contacts are condensed in SQL to the last
 * contact of ours per stakeholder and channel — all that cadence reads of them: the latest outbound or live
 * event, or inbound we answered, in any thread and by anyone.
 */
export async function stakeholderCadences(
  ctx: MetricsCtx,
  env: MetricsEnv,
  at: number,
  scope: {
    stakeholderType?: StakeholderType[] | undefined;
    tier?: string[] | undefined;
    stakeholderId?: string[] | undefined;
    /** Owners; `null` stands for stakeholders nobody owns. */
    ownerUserId?: (string | null)[] | undefined;
  } = {},
): Promise<StakeholderCadence[]> {
  const orgId = ctx.user.orgId;
  const parts: SQL[] = [sql`s.org_id = ${orgId}`, sql`s.active = 1`];
  if (ctx.user.role === 'staff') parts.push(sql`s.owner_user_id = ${ctx.user.id}`);
  if (scope.stakeholderType?.length) parts.push(sql`s.type IN (${inList(scope.stakeholderType)})`);
  if (scope.tier?.length) parts.push(sql`s.tier IN (${inList(scope.tier)})`);
  if (scope.stakeholderId?.length) parts.push(sql`s.id IN (${inList(scope.stakeholderId)})`);
  if (scope.ownerUserId?.length) {
    const owners = scope.ownerUserId.filter((o): o is string => o !== null);
    const either: SQL[] = [];
    if (owners.length) either.push(sql`s.owner_user_id IN (${inList(owners)})`);
    if (owners.length < scope.ownerUserId.length) either.push(sql`s.owner_user_id IS NULL`);
    parts.push(sql`(${sql.join(either, sql` OR `)})`);
  }
  const where = sql.join(parts, sql` AND `);
  const people = await selectCadenceStakeholders(ctx.db, where);
  if (people.length === 0) return [];
  const contacts = await lastContactsOfOurs(ctx.db, orgId, sql`SELECT s.id FROM stakeholders s WHERE ${where}`, at);
  const byStakeholder = new Map<string, CadenceContact[]>();
  for (const c of contacts) {
    let list = byStakeholder.get(c.stakeholderId);
    if (!list) byStakeholder.set(c.stakeholderId, (list = []));
    // The condensed contact is "ours" by construction: an outbound, a live event, or an answered inbound.
    list.push({ occurredAtMs: c.atMs, direction: 'outbound', channel: c.channel });
  }
  const out: StakeholderCadence[] = [];
  for (const p of people) {
    const rules = resolveCadence(env.plan, p);
    if (rules.length === 0) continue;
    const contacts = byStakeholder.get(p.id) ?? [];
    out.push({
      id: p.id,
      name: p.name,
      type: p.type,
      tier: p.tier,
      ownerUserId: p.ownerUserId,
      status: cadenceStatus(contacts, rules, at, p.createdAtMs),
      lastContactMs: contacts.length ? Math.max(...contacts.map((c) => c.occurredAtMs)) : null,
    });
  }
  return out;
}

export interface CoverageParams {
  asOf?: string | undefined;
  stakeholderType?: StakeholderType[] | undefined;
  tier?: string[] | undefined;
  stakeholderId?: string[] | undefined;
}

/**
 * Coverage per stakeholder type (shared `coverageRate`): active stakeholders with a cadence rule, how many are
 * within cadence, due and overdue. Every type with at least one such stakeholder has a row.
 */
export async function metricsCoverage(
  ctx: MetricsCtx,
  input: CoverageParams,
  env?: MetricsEnv,
): Promise<CoverageResult> {
  const e = env ?? (await loadEnv(ctx));
  const list = await stakeholderCadences(ctx, e, asOfMs(input.asOf), input);
  const byType = new Map<StakeholderType, CadenceState[]>();
  for (const s of list) {
    let states = byType.get(s.type);
    if (!states) byType.set(s.type, (states = []));
    states.push(s.status.state);
  }
  const rows = stakeholderTypes
    .filter((t) => byType.has(t))
    .map((t) => ({ stakeholderType: t, ...coverageRate(byType.get(t)!) }));
  return { rows };
}

/* ---------- metrics.interactions (drill-down) ---------- */

export interface InteractionsParams {
  filter: MetricsFilter;
  key?: Partial<Record<MetricsGroupBy, string | null>> | undefined;
  waitsOnly: boolean;
  onTime?: WaitStatus | undefined;
  asOf?: string | undefined;
  cursor: string | null;
  limit: number;
}

/** Narrow a filter to one row of a grouped figure: equality on each dimension, the time key's range. */
function narrowByKey(
  filter: MetricsFilter,
  key: InteractionsParams['key'],
  zone: string,
): { where: SQL; rangeMs: { from: number; to: number } } {
  let from = Date.parse(filter.from);
  let to = Date.parse(filter.to);
  const parts: SQL[] = [sql`1 = 1`];
  for (const [dim, value] of Object.entries(key ?? {}) as [MetricsGroupBy, string | null][]) {
    if (dim === 'day' || dim === 'week' || dim === 'month') {
      const range = value === null ? null : timeKeyRange(dim, value, zone);
      if (!range)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The ${dim} key "${value}" is not valid (e.g. 2026-03-09, 2026-W11, 2026-03).`,
        });
      from = Math.max(from, range.from);
      to = Math.min(to, range.to);
      continue;
    }
    const column = dimColumn[dim];
    parts.push(value === null ? sql`${column} IS NULL` : sql`${column} = ${value}`);
  }
  return { where: sql.join(parts, sql` AND `), rangeMs: { from, to: Math.max(from, to) } };
}

const encodeCursor = (occurredAt: number, id: string) => `${occurredAt}:${id}`;

function decodeCursor(cursor: string | null): { at: number; id: string } | null {
  if (!cursor) return null;
  const m = /^(\d{1,16}):([\w-]{1,64})$/.exec(cursor);
  if (!m)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This page cursor is not valid: start again from the first page.',
    });
  return { at: Number(m[1]), id: m[2]! };
}

interface ItemSql {
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
}

const itemColumns = sql`i.id, i.occurred_at, i.source, i.channel, i.direction, i.thread_key, i.title, i.url, i.stakeholder_id,
  s.name AS stakeholder_name, i.stakeholder_type, i.user_id, u.name AS user_name, i.author_name, i.author_handle, i.wait_start, i.replied_at, i.response_ms,
  i.response_work_ms, i.deadline_at`;
const itemJoins = sql`LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
  LEFT JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id`;

function itemOf(r: ItemSql, status: WaitStatus | null): DrilldownItem {
  return {
    id: r.id,
    occurredAt: toIso(r.occurred_at),
    source: r.source,
    channel: r.channel,
    direction: r.direction,
    threadKey: r.thread_key,
    title: r.title,
    url: r.url,
    stakeholderId: r.stakeholder_id,
    stakeholderName: r.stakeholder_name,
    stakeholderType: r.stakeholder_type,
    userId: r.user_id,
    userName: r.user_name,
    authorName: r.author_name,
    authorHandle: r.author_handle,
    waitStart: r.wait_start === 1,
    repliedAt: toIsoOrNull(r.replied_at),
    responseMs: r.response_ms,
    responseWorkMs: r.response_work_ms,
    deadlineAt: toIsoOrNull(r.deadline_at),
    status,
  };
}

/**
 * The interactions behind a figure, newest first. Wait statuses are decided by the shared `classifyWait` as of
 * `asOf`, exactly as `metrics.responseTimes` counts them, so a drill-down lists as many rows as its figure.
 */
export async function metricsInteractions(
  ctx: MetricsCtx,
  input: InteractionsParams,
  env?: MetricsEnv,
): Promise<MetricsInteractionsResult> {
  const e = env ?? (await loadEnv(ctx));
  const filter = scopeFilter(ctx.user, input.filter);
  const at = asOfMs(input.asOf);
  const narrow = narrowByKey(filter, input.key, e.plan.calendar.timeZone);
  const cursor = decodeCursor(input.cursor);
  const orgId = ctx.user.orgId;

  if (input.waitsOnly || input.onTime) {
    // Newest window first: once a page and one more are found, older windows are only counted.
    const statusOf = new Map<string, WaitStatus>();
    const page: { startMs: number; startId: string }[] = [];
    let total = 0;
    let more = false;
    await scanWaits(
      ctx,
      filter,
      [sql`i.id`, sql`i.occurred_at`, sql`i.replied_at`, sql`i.deadline_at`, closedAtValue],
      (rows) => {
        const found: { startMs: number; startId: string }[] = [];
        for (const r of rows) {
          const status = classifyWait(
            { replyAtMs: r[2] as number | null, deadlineMs: r[3] as number | null, closedAtMs: r[4] as number | null },
            at,
          );
          if (input.onTime && status !== input.onTime) continue;
          total++;
          const startId = r[0] as string;
          const startMs = r[1] as number;
          if (more || (cursor && !(startMs < cursor.at || (startMs === cursor.at && startId < cursor.id)))) continue;
          statusOf.set(startId, status);
          found.push({ startMs, startId });
        }
        found.sort((a, b) => b.startMs - a.startMs || (a.startId < b.startId ? 1 : a.startId > b.startId ? -1 : 0));
        for (const w of found) {
          if (page.length < input.limit) page.push(w);
          else more = true;
        }
      },
      { narrow, newestFirst: true },
    );
    const ids = page.map((w) => w.startId);
    const found = ids.length
      ? await ctx.db.all<ItemSql>(
          sql`SELECT ${itemColumns} FROM interactions i ${itemJoins} WHERE i.org_id = ${orgId} AND i.id IN (${inList(ids)})`,
        )
      : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const items = ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [itemOf(r, statusOf.get(id) ?? null)] : [];
    });
    const last = page[page.length - 1];
    return { total, items, nextCursor: more && last ? encodeCursor(last.startMs, last.startId) : null };
  }

  const where = sql`${filterWhere(orgId, filter, narrow.rangeMs)} AND ${narrow.where}`;
  const [{ n } = { n: 0 }] = await ctx.db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM interactions i WHERE ${where}`,
  );
  const pageWhere = cursor
    ? sql`${where} AND (i.occurred_at < ${int(cursor.at)} OR (i.occurred_at = ${int(cursor.at)} AND i.id < ${cursor.id}))`
    : where;
  const rows = await ctx.db.all<ItemSql & { on_time: WaitStatus | null; closed_at: number | null }>(sql`
    SELECT ${itemColumns} FROM interactions i ${itemJoins}
    WHERE ${pageWhere} ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${int(input.limit + 1)}`);
  const page = rows.slice(0, input.limit);
  const waitIds = page.filter((r) => r.wait_start === 1).map((r) => r.id);
  const statuses = new Map<string, WaitStatus>();
  if (waitIds.length) {
    await scanWaits(
      ctx,
      filter,
      [sql`i.id`, sql`i.replied_at`, sql`i.deadline_at`, closedAtValue],
      (rows) => {
        for (const r of rows)
          statuses.set(
            r[0] as string,
            classifyWait(
              {
                replyAtMs: r[1] as number | null,
                deadlineMs: r[2] as number | null,
                closedAtMs: r[3] as number | null,
              },
              at,
            ),
          );
      },
      { narrow: { where: sql`i.id IN (${inList(waitIds)})`, rangeMs: narrow.rangeMs } },
    );
  }
  const last = page[page.length - 1];
  return {
    total: Number(n),
    items: page.map((r) => itemOf(r, statuses.get(r.id) ?? null)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
  };
}
