import type { MetricsFilter, MetricsGroupBy, TotalsResult } from '@comms-log/shared';
import { countGrouped } from '../metrics/day-counts';
import { grouping, KeyedCounts, type KeyRecord } from '../metrics/grouping';
import { scopeFilter } from '../metrics/scope';
import { timeKey } from '../metrics/time-keys';
import type { ServiceCtx } from '../service-ctx';

/*
 * One `metrics.totals` query grouped by every dimension the report's counts read (day, type, channel, direction,
 * person, purpose) answers all of its counts over the same period and people: each narrower count (a channel, a
 * direction, a type, a purpose) and each coarser grouping is summed here from its rows, instead of another scan
 * of the period's interactions (docs/report.md "Speed").
 */

export const FINE_DIMS: MetricsGroupBy[] = ['day', 'stakeholderType', 'channel', 'direction', 'user', 'purpose'];

/** The parts of a filter the fine rows can narrow by themselves. */
const NARROWING = ['stakeholderType', 'channel', 'direction', 'purpose'] as const;

const DAY_MS = 86_400_000;

/**
 * `metrics.totals` of `base` grouped by {@link FINE_DIMS} (the same scope, filter and local days), whole days from
 * the day counts (docs/metrics.md "Roll-ups"), its groups read packed; rows in no particular order (a key may come
 * twice: a day count and an edge of the range), which none of the sums below needs.
 */
export async function fineTotals(ctx: ServiceCtx, base: MetricsFilter, zone: string): Promise<TotalsResult> {
  const filter = scopeFilter(ctx.user, base);
  const g = grouping(FINE_DIMS, Date.parse(filter.from), Date.parse(filter.to), zone);
  const rows = await countGrouped(ctx.db, ctx.user.orgId, filter, g, zone, { packed: true });
  let total = 0;
  const out: TotalsResult['rows'] = [];
  for (const row of rows) {
    const count = Number(row.n);
    total += count;
    out.push({ key: g.keyOf(row), count });
  }
  return { total, rows: out };
}

/** The filter without what the fine rows narrow, as a cache key: filters of one base share one fine query. */
export function fineBase(filter: MetricsFilter): MetricsFilter {
  const base = { ...filter };
  for (const k of NARROWING) delete base[k];
  return base;
}

/** Whether the fine rows can answer a count grouped by `groupBy`. */
export const fineAnswers = (groupBy: readonly MetricsGroupBy[]): boolean =>
  groupBy.every((d) => FINE_DIMS.includes(d) || d === 'week' || d === 'month');

function keeps(filter: MetricsFilter, key: KeyRecord): boolean {
  if (filter.stakeholderType && !filter.stakeholderType.includes(key.stakeholderType as never)) return false;
  if (filter.channel && !filter.channel.includes(key.channel as never)) return false;
  if (filter.direction && key.direction !== filter.direction) return false;
  if (filter.purpose !== undefined && key.purpose !== filter.purpose) return false;
  return true;
}

/** `filter`'s count grouped by `groupBy`, summed from the fine rows of its base, in `metricsTotals`' order. */
export function totalsFromFine(fine: TotalsResult, filter: MetricsFilter, groupBy: readonly MetricsGroupBy[]) {
  const dims = [...new Set(groupBy)];
  const counts = new KeyedCounts(dims);
  const dayKeys = new Map<string, KeyRecord>();
  let total = 0;
  for (const row of fine.rows) {
    if (!keeps(filter, row.key)) continue;
    total += row.count;
    if (!dims.length) continue;
    const key: KeyRecord = {};
    for (const d of dims) {
      if (d !== 'week' && d !== 'month') key[d] = row.key[d] ?? null;
      else {
        const day = row.key.day!;
        let k = dayKeys.get(day);
        if (!k) {
          const localDay = Date.parse(day) / DAY_MS;
          k = { week: timeKey(localDay, 'week'), month: timeKey(localDay, 'month') };
          dayKeys.set(day, k);
        }
        key[d] = k[d]!;
      }
    }
    counts.add(key, row.count);
  }
  return { total, rows: dims.length ? counts.rows() : [] } satisfies TotalsResult;
}
