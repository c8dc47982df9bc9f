import type { MetricsFilter } from '@comms-log/shared';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/client';
import { dayCountsZone, type DayRange, sumDayCounts } from '../../db/queries/day-counts';
import { countEachRaw, sumDayCountsEach } from '../../db/queries/report-counts';
import { countInteractions, type MsRange } from '../../db/queries/metrics';
import { DAY_COUNTS_SPAN } from './day-counts-zone';
import { grouping, type Grouping } from './grouping';

/*
 * Grouped counts of interactions (docs/metrics.md "Roll-ups"): whole local days from the day counts, the partial
 * days at the range's edges from the raw rows; the raw rows alone when the day counts cannot answer.
 */

const DAY_MS = 86_400_000;

/** How a range splits: the whole local days inside it, and the raw parts before and after them. */
interface DaySplit {
  days: DayRange | null;
  edges: MsRange[];
}

const localDay = (t: DateTime): number => Math.floor((t.toMillis() + t.offset * 60_000) / DAY_MS);

/** [fromMs, toMs) split at the first and last local midnights of `zone` inside it. */
function splitByLocalDays(fromMs: number, toMs: number, zone: string): DaySplit {
  let first = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  if (first.toMillis() < fromMs) first = first.plus({ days: 1 });
  const last = DateTime.fromMillis(toMs, { zone }).startOf('day');
  if (first.toMillis() >= last.toMillis()) return { days: null, edges: [{ from: fromMs, to: toMs }] };
  const edges: MsRange[] = [];
  if (fromMs < first.toMillis()) edges.push({ from: fromMs, to: first.toMillis() });
  if (last.toMillis() < toMs) edges.push({ from: last.toMillis(), to: toMs });
  return { days: { fromDay: localDay(first), toDay: localDay(last) }, edges };
}

/** Whether the day counts hold what the filter and grouping read: no stakeholder or tier, inside their span. */
function dayCountsCanAnswer(filter: MetricsFilter, g: Grouping): boolean {
  if (filter.stakeholderId?.length || filter.tier?.length || g.dims.includes('stakeholder')) return false;
  return Date.parse(filter.from) >= DAY_COUNTS_SPAN.fromMs && Date.parse(filter.to) <= DAY_COUNTS_SPAN.toMs;
}

/** The filter over `r` instead of its own range. */
export const withRange = (filter: MetricsFilter, r: MsRange): MetricsFilter => ({
  ...filter,
  from: new Date(r.from).toISOString(),
  to: new Date(r.to).toISOString(),
});

/**
 * Where the filter's interactions grouped by `g` are read: the whole local days from the day counts and the
 * partial days at the edges from the raw rows, or (null) only the raw rows, when the day counts cannot answer.
 */
export async function dayCountsSplit(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  g: Grouping,
  zone: string,
): Promise<{ days: DayRange; edges: MsRange[] } | null> {
  if (!dayCountsCanAnswer(filter, g) || (await dayCountsZone(db, orgId)) !== zone) return null;
  const split = splitByLocalDays(Date.parse(filter.from), Date.parse(filter.to), zone);
  return split.days ? { days: split.days, edges: split.edges } : null;
}

/** The filter's interactions counted per group of `g` (`g<k>`, `d`, `n`); a key may come in more than one row
 * (a day count and an edge), so callers sum. */
export async function countGrouped(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  g: Grouping,
  zone: string,
): Promise<Record<string, unknown>[]> {
  const split = await dayCountsSplit(db, orgId, filter, g, zone);
  if (!split) return countInteractions(db, orgId, filter, g);
  const parts = [sumDayCounts(db, orgId, filter, g.rollup, split.days)];
  for (const edge of split.edges) parts.push(countInteractions(db, orgId, withRange(filter, edge), g));
  return (await Promise.all(parts)).flat();
}

/**
 * The interactions of each filter of `each` counted, all read together: filters of one `base` (the same range,
 * scope and people) that narrow it only by type, channel, direction or purpose. Whole days from the day counts and
 * each edge from the raw rows, as `countGrouped` reads them, one statement per part for all the filters.
 */
export async function countEach(
  db: DbOrTx,
  orgId: string,
  base: MetricsFilter,
  each: readonly MetricsFilter[],
  zone: string,
): Promise<number[]> {
  const g = grouping([], Date.parse(base.from), Date.parse(base.to), zone);
  const split = await dayCountsSplit(db, orgId, base, g, zone);
  const parts = split
    ? [
        sumDayCountsEach(db, orgId, base, each, split.days),
        ...split.edges.map((edge) => countEachRaw(db, orgId, withRange(base, edge), each)),
      ]
    : [countEachRaw(db, orgId, base, each)];
  const counts = await Promise.all(parts);
  return each.map((_, k) => counts.reduce((sum, part) => sum + part[k]!, 0));
}
