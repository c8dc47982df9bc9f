import { sql } from 'drizzle-orm';
import type { Channel, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import type { MsRange } from './metrics';
import { scanWaits } from './waits';

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

const COLUMNS = [
  'id',
  'occurredAt',
  'stakeholderType',
  'channel',
  'userId',
  'stakeholderId',
  'repliedAt',
  'responseMs',
  'responseWorkMs',
  'deadlineAt',
  'closedAt',
] as const;

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
  const filter = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
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
  await scanWaits(
    db,
    orgId,
    filter,
    COLUMNS,
    (rows) => {
      const n = id.length + rows.length;
      occurredAt = grown(occurredAt, n);
      for (const t of POOL_TIMES) times[t] = grown(times[t], n);
      for (const d of POOL_DIMS) codes[d] = grown(codes[d], n);
      for (const r of rows) {
        const i = id.push(r[0]) - 1;
        occurredAt[i] = r[1];
        codes.stakeholderType[i] = coders.stakeholderType.code(r[2]);
        codes.channel[i] = coders.channel.code(r[3]);
        codes.userId[i] = coders.userId.code(r[4]);
        codes.stakeholderId[i] = coders.stakeholderId.code(r[5]);
        codes.tier[i] = coders.tier.code(r[5] === null ? null : (tiers.get(r[5]) ?? null));
        codes.direction[i] = coders.direction.code(r[11] as string);
        codes.purpose[i] = coders.purpose.code((r[12] ?? null) as string | null);
        times.replyAtMs[i] = num(r[6]);
        times.responseMs[i] = num(r[7]);
        times.responseWorkMs[i] = num(r[8]);
        times.deadlineMs[i] = num(r[9]);
        times.closedAtMs[i] = num(r[10]);
      }
    },
    { extra: [sql`i.direction`, sql`i.purpose`] },
  );
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
