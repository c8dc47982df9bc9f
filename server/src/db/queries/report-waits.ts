import { sql, type SQL } from 'drizzle-orm';
import type { Channel, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { filterWhere, type MsRange } from './metrics';
import { closedAtValue, waitWindows } from './waits';

/*
 * Every wait of an org starting in a range, with the values any report filter or grouping of its response figures
 * tests, so that the report reads the waits once and splits them in JavaScript (docs/report.md "Speed"). Kept
 * column by column: the report holds them for its whole build, and typed arrays and codes cost the garbage
 * collector nothing per wait, where an object per wait (93,000 in the bench's report) was a fifth of its CPU.
 */

/** A wait start with its filter values and its five figures. */
export interface ReportWait {
  id: string;
  occurredAt: number;
  stakeholderType: StakeholderType;
  channel: Channel;
  userId: string;
  stakeholderId: string | null;
  /** The tier of its stakeholder now (as `filterWhere` tests it); null without a stakeholder. */
  tier: string | null;
  direction: string;
  purpose: string | null;
  /* The five figures under the names the shared `WaitFigures` gives them, so that a wait is folded as it is. */
  replyAtMs: number | null;
  responseMs: number | null;
  responseWorkMs: number | null;
  deadlineMs: number | null;
  closedAtMs: number | null;
}

/** The values of a wait kept as codes. */
export const POOL_DIMS = [
  'stakeholderType',
  'channel',
  'userId',
  'stakeholderId',
  'tier',
  'direction',
  'purpose',
] as const;
export type PoolDim = (typeof POOL_DIMS)[number];

/** The figures of a wait kept as numbers, NaN for none. */
export const POOL_TIMES = ['replyAtMs', 'responseMs', 'responseWorkMs', 'deadlineMs', 'closedAtMs'] as const;
export type PoolTime = (typeof POOL_TIMES)[number];

/** The waits column by column: each of `POOL_DIMS` as an index into its `values`, each of `POOL_TIMES` a number. */
export interface WaitPool {
  size: number;
  id: string[];
  occurredAt: Float64Array;
  times: Record<PoolTime, Float64Array>;
  codes: Record<PoolDim, Uint32Array>;
  values: Record<PoolDim, (string | null)[]>;
}

/**
 * What the pool reads of a wait, in order: each a JSON array of the window's waits of its own (every aggregate of a
 * statement takes the rows in one order). An array per column is fewer objects to parse than an array per wait:
 * the bench's 93,000 waits' statements and parse took 100–125 ms of CPU this way, 144–161 ms as an array per wait.
 */
const POOL_COLUMNS = [
  sql`i.id`,
  sql`i.occurred_at`,
  sql`i.stakeholder_type`,
  sql`i.channel`,
  sql`i.user_id`,
  sql`i.stakeholder_id`,
  sql`i.replied_at`,
  sql`i.response_ms`,
  sql`i.response_work_ms`,
  sql`i.deadline_at`,
  closedAtValue,
  sql`i.direction`,
  sql`i.purpose`,
];

/** The arrays of one window's statement, in the order of `POOL_COLUMNS`. */
type PoolArrays = [
  id: string[],
  occurredAt: number[],
  stakeholderType: string[],
  channel: string[],
  userId: string[],
  stakeholderId: (string | null)[],
  repliedAt: (number | null)[],
  responseMs: (number | null)[],
  responseWorkMs: (number | null)[],
  deadlineAt: (number | null)[],
  closedAt: (number | null)[],
  direction: string[],
  purpose: (string | null)[],
];

/** One window's statement: `c<k>` the JSON array of the k-th of `POOL_COLUMNS`; read from `interactions_waits`. */
function poolWindowSql(orgId: string, range: MsRange): SQL {
  const filter = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  const columns = POOL_COLUMNS.map((c, k) => sql`json_group_array(${c}) AS ${sql.raw(`c${k}`)}`);
  return sql`SELECT ${sql.join(columns, sql`, `)} FROM interactions i
    WHERE ${filterWhere(orgId, filter, range)} AND i.wait_start = 1`;
}

/** A growing column of codes for the values of one dimension. */
function coder() {
  const values: (string | null)[] = [];
  const index = new Map<string | null, number>();
  return {
    values,
    code(v: string | null): number {
      let c = index.get(v);
      if (c === undefined) {
        c = values.push(v) - 1;
        index.set(v, c);
      }
      return c;
    },
  };
}

/** Room for `n` more waits in a typed column. */
function grown<A extends Float64Array | Uint32Array>(a: A, n: number): A {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** The org's waits starting in `range` (not deleted), read a month at a time like every wait scan. */
export async function reportWaitsIn(db: DbOrTx, orgId: string, range: MsRange): Promise<WaitPool> {
  // Tiers looked up here rather than per wait in SQL: the org has far fewer stakeholders than waits.
  const tiers = new Map(
    (
      await db.all<{ id: string; tier: string | null }>(
        sql`SELECT s.id, s.tier FROM stakeholders s WHERE s.org_id = ${orgId}`,
      )
    ).map((t) => [t.id, t.tier]),
  );
  const coders = Object.fromEntries(POOL_DIMS.map((d) => [d, coder()])) as Record<PoolDim, ReturnType<typeof coder>>;
  const id: string[] = [];
  let occurredAt = new Float64Array(1024);
  const times = Object.fromEntries(POOL_TIMES.map((t) => [t, new Float64Array(1024)])) as WaitPool['times'];
  const codes = Object.fromEntries(POOL_DIMS.map((d) => [d, new Uint32Array(1024)])) as WaitPool['codes'];
  const num = (v: number | null) => (v === null ? Number.NaN : v);
  for (const window of waitWindows(range.from, range.to)) {
    const [row] = await db.all<Record<string, string>>(poolWindowSql(orgId, window));
    const [ids, at, type, channel, user, stakeholder, replied, resp, work, deadline, closed, direction, purpose] =
      POOL_COLUMNS.map((_, k) => JSON.parse(row?.[`c${k}`] ?? '[]')) as PoolArrays;
    const start = id.length;
    const n = start + ids.length;
    occurredAt = grown(occurredAt, n);
    for (const t of POOL_TIMES) times[t] = grown(times[t], n);
    for (const d of POOL_DIMS) codes[d] = grown(codes[d], n);
    for (let j = 0; j < ids.length; j++) {
      const i = id.push(ids[j]!) - 1;
      const s = stakeholder[j]!;
      occurredAt[i] = at[j]!;
      codes.stakeholderType[i] = coders.stakeholderType.code(type[j]!);
      codes.channel[i] = coders.channel.code(channel[j]!);
      codes.userId[i] = coders.userId.code(user[j]!);
      codes.stakeholderId[i] = coders.stakeholderId.code(s);
      codes.tier[i] = coders.tier.code(s === null ? null : (tiers.get(s) ?? null));
      codes.direction[i] = coders.direction.code(direction[j]!);
      codes.purpose[i] = coders.purpose.code(purpose[j]!);
      times.replyAtMs[i] = num(replied[j]!);
      times.responseMs[i] = num(resp[j]!);
      times.responseWorkMs[i] = num(work[j]!);
      times.deadlineMs[i] = num(deadline[j]!);
      times.closedAtMs[i] = num(closed[j]!);
    }
  }
  const values = Object.fromEntries(POOL_DIMS.map((d) => [d, coders[d].values])) as WaitPool['values'];
  return { size: id.length, id, occurredAt, times, codes, values };
}

/** Wait `i`'s value of `dim`. */
export const poolValue = (pool: WaitPool, dim: PoolDim, i: number): string | null =>
  pool.values[dim][pool.codes[dim][i]!]!;

/** Wait `i`'s figure `t`, null for none. */
export function poolTime(pool: WaitPool, t: PoolTime, i: number): number | null {
  const v = pool.times[t][i]!;
  return Number.isNaN(v) ? null : v;
}

/** Wait `i` as one object (tests, and the few waits a figure lists). */
export function poolWait(pool: WaitPool, i: number): ReportWait {
  return {
    id: pool.id[i]!,
    occurredAt: pool.occurredAt[i]!,
    stakeholderType: poolValue(pool, 'stakeholderType', i) as StakeholderType,
    channel: poolValue(pool, 'channel', i) as Channel,
    userId: poolValue(pool, 'userId', i)!,
    stakeholderId: poolValue(pool, 'stakeholderId', i),
    tier: poolValue(pool, 'tier', i),
    direction: poolValue(pool, 'direction', i)!,
    purpose: poolValue(pool, 'purpose', i),
    replyAtMs: poolTime(pool, 'replyAtMs', i),
    responseMs: poolTime(pool, 'responseMs', i),
    responseWorkMs: poolTime(pool, 'responseWorkMs', i),
    deadlineMs: poolTime(pool, 'deadlineMs', i),
    closedAtMs: poolTime(pool, 'closedAtMs', i),
  };
}
