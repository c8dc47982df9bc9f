import {
  classifyWait,
  ResponseStatsAccumulator,
  type MetricsFilter,
  type MetricsGroupBy,
  type ResponseStats,
  type ResponseTimesResult,
  type WaitFigures,
} from '@comms-log/shared';
import { isTimeDim, type MsRange, type ValueDim } from '../../db/queries/metrics';
import type { PoolDim, WaitPool } from '../../db/queries/report-waits';
import { compareKeys, grouping, type Grouping } from '../metrics/grouping';
import { zoneOffsets } from '../metrics/time-keys';
import { WaitTally } from '../metrics/wait-tally';

/*
 * The report's response figures from one read of the org's waits (docs/report.md "Speed"): each figure keeps the
 * waits its filter keeps (as `filterWhere` does in SQL) and folds them like `metricsResponseTimes`, so the figures
 * are the same as `metrics.responseTimes`. The filter is tested on each value once (a code is kept or not), and a
 * wait's group is a number made of its codes.
 */

const DAY_MS = 86_400_000;

/** The pool's column of each dimension a figure can group by. */
const poolDim: Record<ValueDim, PoolDim> = {
  stakeholderType: 'stakeholderType',
  channel: 'channel',
  user: 'userId',
  stakeholder: 'stakeholderId',
  direction: 'direction',
  purpose: 'purpose',
};

/** A pooled figure, null for none (NaN). */
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

const inList = <T>(list: readonly T[] | undefined, v: T | null): boolean =>
  !list?.length || (v !== null && list.includes(v));

/** Whether `filter` keeps a value of `dim` (the clauses of `filterWhere`; a tier is null without a stakeholder). */
function allows(filter: MetricsFilter, dim: PoolDim, v: string | null): boolean {
  switch (dim) {
    case 'stakeholderType':
      return inList(filter.stakeholderType as string[] | undefined, v);
    case 'channel':
      return inList(filter.channel as string[] | undefined, v);
    case 'userId':
      return inList(filter.userId, v);
    case 'stakeholderId':
      return inList(filter.stakeholderId, v);
    case 'tier':
      return inList(filter.tier as string[] | undefined, v);
    case 'direction':
      return !filter.direction || v === filter.direction;
    case 'purpose':
      return filter.purpose === undefined || v === filter.purpose;
  }
}

/** The waits of the pool that `filter` (already scoped to the user) keeps, by index, in the pool's order. */
export function waitsKept(pool: WaitPool, filter: MetricsFilter): Uint32Array {
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const tests = (Object.keys(pool.codes) as PoolDim[]).flatMap((dim) => {
    const ok = pool.values[dim].map((v) => allows(filter, dim, v));
    return ok.every(Boolean) ? [] : [{ codes: pool.codes[dim], ok }];
  });
  const kept = new Uint32Array(pool.size);
  let n = 0;
  next: for (let i = 0; i < pool.size; i++) {
    const t = pool.occurredAt[i]!;
    if (t < fromMs || t >= toMs) continue;
    for (const test of tests) if (!test.ok[test.codes[i]!]) continue next;
    kept[n++] = i;
  }
  return kept.subarray(0, n);
}

/** The local day of `ms` as SQL's `localDaySql` computes it: the offset in force, integer division. */
function localDayOf(offsets: ReturnType<typeof zoneOffsets>): (ms: number) => number {
  return (ms) => {
    let offset = offsets[offsets.length - 1]!.offsetMs;
    for (let k = 1; k < offsets.length; k++)
      if (ms < offsets[k]!.startMs) {
        offset = offsets[k - 1]!.offsetMs;
        break;
      }
    return Math.trunc((ms + offset) / DAY_MS);
  };
}

/**
 * Each wait's code in one grouped dimension and how many codes it can have: a value's code in the pool, or for a
 * time dimension the code of its key (a week's key takes a time-zone library call: made once per local day).
 */
function groupCodes(pool: WaitPool, g: Grouping, k: number, range: MsRange, dayOf: ((ms: number) => number) | null) {
  const dim = g.dims[k]!;
  if (!isTimeDim(dim)) {
    const codes = pool.codes[poolDim[dim]];
    return { of: (i: number) => codes[i]!, size: pool.values[poolDim[dim]].length };
  }
  const byDay = new Map<number, number>();
  const byKey = new Map<string, number>();
  return {
    of(i: number): number {
      const day = dayOf!(pool.occurredAt[i]!);
      let code = byDay.get(day);
      if (code === undefined) {
        const key = g.keyOf({ d: day })[dim]!;
        code = byKey.get(key) ?? byKey.size;
        byKey.set(key, code);
        byDay.set(day, code);
      }
      return code;
    },
    // No more keys than local days the range touches.
    size: Math.ceil((range.to - range.from) / DAY_MS) + 2,
  };
}

/** A figure's fold of the waits it keeps. */
interface Fold {
  add(w: WaitFigures): void;
  result(): ResponseStats;
}

const STATUS_CODE = { on_time: 0, late: 1, pending: 2, closed: 3 } as const;

/** Whether every answered time of the pool is a whole ms ≥ 0 and each basis sums below 2^53 (what a tally needs). */
const wholeTimesOf = new WeakMap<WaitPool, boolean>();
function wholeTimes(pool: WaitPool): boolean {
  let whole = wholeTimesOf.get(pool);
  if (whole !== undefined) return whole;
  whole = true;
  for (const times of [pool.times.responseMs, pool.times.responseWorkMs]) {
    let sum = 0;
    for (let i = 0; i < pool.size; i++) {
      const ms = times[i]!;
      if (Number.isNaN(ms)) continue;
      if (!(ms >= 0 && Number.isInteger(ms))) whole = false;
      sum += ms;
    }
    if (!(sum <= Number.MAX_SAFE_INTEGER)) whole = false;
  }
  wholeTimesOf.set(pool, whole);
  return whole;
}

/**
 * A `WaitTally` fed as the shared accumulator is (the same figures: docs/metrics.md "Roll-ups"), whose percentiles
 * select rather than sort; the accumulator itself when a time is one a tally cannot hold.
 */
function foldOf(pool: WaitPool, options: { basis: 'working' | 'calendar'; asOfMs: number }): () => Fold {
  if (!wholeTimes(pool)) return () => new ResponseStatsAccumulator(options);
  const { basis, asOfMs } = options;
  return () => {
    const tally = new WaitTally();
    return {
      add(w) {
        const ms =
          w.replyAtMs === null || w.replyAtMs > asOfMs ? null : basis === 'working' ? w.responseWorkMs : w.responseMs;
        tally.add(STATUS_CODE[classifyWait(w, asOfMs)], ms ?? -1);
      },
      result: () => tally.result(),
    };
  };
}

/** Response figures of `filter` (already scoped to the user) grouped by `groupBy`, from the pool. */
export function responseFromWaits(
  pool: WaitPool,
  input: { filter: MetricsFilter; groupBy: MetricsGroupBy[]; basis: 'working' | 'calendar'; asOfMs: number },
  zone: string,
): ResponseTimesResult {
  const { filter, basis } = input;
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const options = { basis, asOfMs: input.asOfMs };
  const g = grouping(input.groupBy, fromMs, toMs, zone);
  const dayOf = g.dims.some(isTimeDim) ? localDayOf(zoneOffsets(fromMs, toMs, zone)) : null;
  const fold = foldOf(pool, options);
  const total = fold();
  const dims = g.dims.map((_, k) => groupCodes(pool, g, k, { from: fromMs, to: toMs }, dayOf));
  // A group is a number made of its codes; past 2^53 groups (never in practice) their codes joined as a string.
  const numeric = dims.reduce((n, d) => n * Math.max(d.size, 1), 1) <= Number.MAX_SAFE_INTEGER;
  const groupOf = (i: number): number | string => {
    if (!numeric) return dims.map((d) => d.of(i)).join(',');
    let group = 0;
    for (const d of dims) group = group * Math.max(d.size, 1) + d.of(i);
    return group;
  };
  const groups = new Map<number | string, { first: number; acc: Fold }>();
  // One object refilled per wait: the accumulator reads its figures and keeps none of it.
  const w: WaitFigures = {
    replyAtMs: null,
    responseMs: null,
    responseWorkMs: null,
    deadlineMs: null,
    closedAtMs: null,
  };
  const { replyAtMs, responseMs, responseWorkMs, deadlineMs, closedAtMs } = pool.times;
  for (const i of waitsKept(pool, filter)) {
    w.replyAtMs = orNull(replyAtMs[i]!);
    w.responseMs = orNull(responseMs[i]!);
    w.responseWorkMs = orNull(responseWorkMs[i]!);
    w.deadlineMs = orNull(deadlineMs[i]!);
    w.closedAtMs = orNull(closedAtMs[i]!);
    total.add(w);
    if (!dims.length) continue;
    const key = groupOf(i);
    let grp = groups.get(key);
    if (!grp) {
      grp = { first: i, acc: fold() };
      groups.set(key, grp);
    }
    grp.acc.add(w);
  }
  const rows = [...groups.values()]
    .map((grp) => ({ key: keyOfWait(pool, g, grp.first, dayOf), acc: grp.acc }))
    .sort((a, b) => compareKeys(g.dims, a.key, b.key))
    .map((grp) => ({ key: grp.key, stats: grp.acc.result() }));
  return { basis, total: total.result(), rows };
}

/** The key of the group of wait `i`, as `metricsResponseTimes` gives it. */
function keyOfWait(pool: WaitPool, g: Grouping, i: number, dayOf: ((ms: number) => number) | null) {
  const row: Record<string, unknown> = { d: dayOf ? dayOf(pool.occurredAt[i]!) : null };
  g.dims.forEach((dim, k) => {
    if (!isTimeDim(dim)) row[`g${k}`] = pool.values[poolDim[dim]][pool.codes[poolDim[dim]][i]!];
  });
  return g.keyOf(row);
}

/** Whether `range` holds the whole period of `filter`. */
export const poolHolds = (range: MsRange, filter: MetricsFilter): boolean =>
  Date.parse(filter.from) >= range.from && Date.parse(filter.to) <= range.to;
