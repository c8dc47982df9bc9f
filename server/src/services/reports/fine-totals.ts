import type { MetricsFilter, MetricsGroupBy, TotalsResult } from '@comms-log/shared';
import type { TimeDim } from '../../db/queries/metrics';
import { compareKeys, type KeyRecord } from '../metrics/grouping';
import { timeKey } from '../metrics/time-keys';
import { FINE_DIMS, FINE_VALUE_DIMS, type FineCounts, type FineValueDim } from './fine-counts';

/*
 * The report's counts over the same period and people (overview, per day, per person, per week and channel, per
 * type and purpose, the counting goals) summed from one read of the fine counts (./fine-counts.ts) instead of a
 * scan of the period's interactions each: a narrower count (a channel, a direction, a type, a purpose) keeps some
 * codes, a coarser grouping adds rows by a number made of the codes it groups by (docs/report.md "Speed").
 */

/** The parts of a filter the fine rows can narrow by themselves. */
const NARROWING = ['stakeholderType', 'channel', 'direction', 'purpose'] as const;

/** The filter without what the fine rows narrow, as a cache key: filters of one base share one fine read. */
export function fineBase(filter: MetricsFilter): MetricsFilter {
  const base = { ...filter };
  for (const k of NARROWING) delete base[k];
  return base;
}

/** Whether the fine rows can answer a count grouped by `groupBy`. */
export const fineAnswers = (groupBy: readonly MetricsGroupBy[]): boolean =>
  groupBy.every((d) => FINE_DIMS.includes(d) || d === 'week' || d === 'month');

/** Whether a value passes the filter's condition on `dim` (none: every value does). */
function allows(filter: MetricsFilter, dim: FineValueDim, v: string | null): boolean {
  switch (dim) {
    case 'stakeholderType':
      return !filter.stakeholderType || filter.stakeholderType.includes(v as never);
    case 'channel':
      return !filter.channel || filter.channel.includes(v as never);
    case 'direction':
      return !filter.direction || v === filter.direction;
    case 'purpose':
      return filter.purpose === undefined || v === filter.purpose;
    case 'user':
      return true;
  }
}

/** The rows the filter keeps, 1 or 0 each. */
function keptRows(fine: FineCounts, filter: MetricsFilter): Uint8Array {
  const kept = new Uint8Array(fine.size).fill(1);
  for (const dim of FINE_VALUE_DIMS) {
    const ok = fine.values[dim].map((v) => allows(filter, dim, v));
    if (ok.every(Boolean)) continue;
    const codes = fine.codes[dim];
    for (let i = 0; i < fine.size; i++) if (!ok[codes[i]!]) kept[i] = 0;
  }
  return kept;
}

/** One grouped dimension: each row's code and the key values the codes stand for. */
interface Column {
  dim: MetricsGroupBy;
  codes: ArrayLike<number>;
  values: (string | null)[];
}

/** A time dimension as a column: each row's day as the code of its day's, week's or month's key. */
function timeColumn(fine: FineCounts, dim: TimeDim): Column {
  const codes = new Uint32Array(fine.size);
  const values: string[] = [];
  const ofDay = new Map<number, number>();
  const ofKey = new Map<string, number>();
  for (let i = 0; i < fine.size; i++) {
    let code = ofDay.get(fine.day[i]!);
    if (code === undefined) {
      const key = timeKey(fine.day[i]!, dim);
      code = ofKey.get(key);
      if (code === undefined) {
        code = values.push(key) - 1;
        ofKey.set(key, code);
      }
      ofDay.set(fine.day[i]!, code);
    }
    codes[i] = code;
  }
  return { dim, codes, values };
}

/** `filter`'s count grouped by `groupBy`, summed from the fine rows of its base, in `metricsTotals`' order. */
export function totalsFromFine(fine: FineCounts, filter: MetricsFilter, groupBy: readonly MetricsGroupBy[]) {
  const dims = [...new Set(groupBy)];
  const columns = dims.map((dim): Column => {
    if (dim === 'day' || dim === 'week' || dim === 'month') return timeColumn(fine, dim);
    return { dim, codes: fine.codes[dim as FineValueDim], values: fine.values[dim as FineValueDim] };
  });
  const kept = keptRows(fine, filter);
  const sums = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < fine.size; i++) {
    if (!kept[i]) continue;
    total += fine.count[i]!;
    let group = 0;
    for (const c of columns) group = group * c.values.length + c.codes[i]!;
    sums.set(group, (sums.get(group) ?? 0) + fine.count[i]!);
  }
  if (!dims.length) return { total, rows: [] } satisfies TotalsResult;
  const rows = [...sums].map(([group, count]) => {
    const codes: number[] = [];
    for (let k = columns.length - 1; k >= 0; k--) {
      codes[k] = group % columns[k]!.values.length;
      group = Math.floor(group / columns[k]!.values.length);
    }
    const key: KeyRecord = {};
    columns.forEach((c, k) => {
      key[c.dim] = c.values[codes[k]!]!;
    });
    return { key, count };
  });
  return { total, rows: rows.sort((a, b) => compareKeys(dims, a.key, b.key)) } satisfies TotalsResult;
}
