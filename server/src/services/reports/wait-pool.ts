import {
  ResponseStatsAccumulator,
  type MetricsFilter,
  type MetricsGroupBy,
  type ResponseTimesResult,
} from '@comms-log/shared';
import { isTimeDim, type MsRange, type ValueDim } from '../../db/queries/metrics';
import type { ReportWait } from '../../db/queries/report-waits';
import { compareKeys, grouping, keyString, type Grouping, type KeyRecord } from '../metrics/grouping';
import { zoneOffsets } from '../metrics/time-keys';

/*
 * The report's response figures from one read of the org's waits (docs/report.md "Speed"): each figure keeps the
 * waits its filter keeps (as `filterWhere` does in SQL) and folds them like `metricsResponseTimes`, so the figures
 * are the same as `metrics.responseTimes`.
 */

const DAY_MS = 86_400_000;

const dimValue: Record<ValueDim, (w: ReportWait) => string | null> = {
  stakeholderType: (w) => w.stakeholderType,
  channel: (w) => w.channel,
  user: (w) => w.userId,
  stakeholder: (w) => w.stakeholderId,
  direction: (w) => w.direction,
  purpose: (w) => w.purpose,
};

const inList = <T>(list: readonly T[] | undefined, v: T | null): boolean =>
  !list?.length || (v !== null && list.includes(v));

/** Whether `filter` keeps wait `w` (the clauses of `filterWhere`). */
function keepsWait(filter: MetricsFilter, fromMs: number, toMs: number, w: ReportWait): boolean {
  return (
    w.occurredAt >= fromMs &&
    w.occurredAt < toMs &&
    inList(filter.stakeholderType, w.stakeholderType) &&
    inList(filter.channel, w.channel) &&
    inList(filter.userId, w.userId) &&
    inList(filter.stakeholderId, w.stakeholderId) &&
    (!filter.tier?.length || (w.stakeholderId !== null && inList(filter.tier, w.tier))) &&
    (!filter.direction || w.direction === filter.direction) &&
    (filter.purpose === undefined || w.purpose === filter.purpose)
  );
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
 * The groups of a grouped figure, found per wait by its raw values (its local day, not its week) in a tree of maps,
 * one level per value: a row's key is built once per combination of values rather than once per wait (a week's key
 * takes a time-zone library call: a 200-day report's weekly series spent 0.3–1 s there), and finding a wait's group
 * makes no string.
 */
function waitGroups<A>(g: Grouping, dayOf: ((ms: number) => number) | null, fresh: () => A) {
  type Group = { key: KeyRecord; acc: A };
  const groups = new Map<string, Group>();
  const tree = new Map<unknown, unknown>();
  const values = g.dims.flatMap((dim) => (isTimeDim(dim) ? [] : [dimValue[dim]]));
  const named = (w: ReportWait, day: number | null) => {
    const row: Record<string, unknown> = { d: day };
    g.dims.forEach((dim, k) => {
      if (!isTimeDim(dim)) row[`g${k}`] = dimValue[dim](w);
    });
    return row;
  };
  return {
    of(w: ReportWait): Group {
      const day = dayOf ? dayOf(w.occurredAt) : null;
      let node = tree;
      let at: unknown = day;
      for (const v of values) {
        let next = node.get(at) as Map<unknown, unknown> | undefined;
        if (!next) {
          next = new Map();
          node.set(at, next);
        }
        node = next;
        at = v(w);
      }
      let grp = node.get(at) as Group | undefined;
      if (grp) return grp;
      const key = g.keyOf(named(w, day));
      const ks = keyString(g.dims, key);
      grp = groups.get(ks) ?? { key, acc: fresh() };
      groups.set(ks, grp);
      node.set(at, grp);
      return grp;
    },
    all: () => [...groups.values()],
  };
}

/** Response figures of `filter` (already scoped to the user) grouped by `groupBy`, from `waits`. */
export function responseFromWaits(
  waits: readonly ReportWait[],
  input: { filter: MetricsFilter; groupBy: MetricsGroupBy[]; basis: 'working' | 'calendar'; asOfMs: number },
  zone: string,
): ResponseTimesResult {
  const { filter, basis } = input;
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const options = { basis, asOfMs: input.asOfMs };
  const g = grouping(input.groupBy, fromMs, toMs, zone);
  const dayOf = g.dims.some(isTimeDim) ? localDayOf(zoneOffsets(fromMs, toMs, zone)) : null;
  const total = new ResponseStatsAccumulator(options);
  const groups = waitGroups(g, dayOf, () => new ResponseStatsAccumulator(options));
  for (const w of waits) {
    if (!keepsWait(filter, fromMs, toMs, w)) continue;
    // A wait carries both bases' times; the accumulator reads the one of its basis.
    total.add(w);
    if (g.dims.length) groups.of(w).acc.add(w);
  }
  const rows = groups
    .all()
    .sort((a, b) => compareKeys(g.dims, a.key, b.key))
    .map((grp) => ({ key: grp.key, stats: grp.acc.result() }));
  return { basis, total: total.result(), rows };
}

/** The waits of `waits` that `filter` (already scoped to the user) keeps. */
export function waitsKept(waits: readonly ReportWait[], filter: MetricsFilter): ReportWait[] {
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  return waits.filter((w) => keepsWait(filter, fromMs, toMs, w));
}

/** Whether `range` holds the whole period of `filter`. */
export const poolHolds = (range: MsRange, filter: MetricsFilter): boolean =>
  Date.parse(filter.from) >= range.from && Date.parse(filter.to) <= range.to;
