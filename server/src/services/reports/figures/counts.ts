import type { MetricsFilter, MetricsGroupBy, TotalsResult } from '@comms-log/shared';
import { countEach } from '../../metrics/day-counts';
import { scopeFilter } from '../../metrics/scope';
import { metricsTotals } from '../../metrics/totals';
import type { FigureSource } from './memo';
import { readFineCounts } from '../fine-counts';
import { fineAnswers, fineBase, totalsFromFine } from '../fine-totals';

/**
 * The report's totals and counts (the overview and the counting goals): from the fine rows when the report reads
 * them, else by the metrics service; the counting goals' counts of one base are read together.
 */
export function countFigures({ ctx, env, memo }: FigureSource) {
  const totals = (filter: MetricsFilter, groupBy: MetricsGroupBy[]): Promise<TotalsResult> => {
    if (!fineAnswers(groupBy))
      return memo.once(['t', filter, groupBy], () => metricsTotals(ctx, { filter, groupBy }, env));
    const base = fineBase(filter);
    return memo.once(['t', filter, groupBy], async () =>
      totalsFromFine(
        await memo.once(['fine', base], () => readFineCounts(ctx, base, env.plan.calendar.timeZone)),
        filter,
        groupBy,
      ),
    );
  };
  return {
    totals,
    /**
     * One count (a counting goal): from the fine rows when the report has read them for its overview, else from
     * `countsOf`'s read if it was asked, else by its own read of the day counts narrowed to the filter.
     */
    count: async (filter: MetricsFilter): Promise<number> =>
      memo.has(['fine', fineBase(filter)])
        ? (await totals(filter, [])).total
        : memo.once(['n', filter], async () => (await metricsTotals(ctx, { filter, groupBy: [] }, env)).total),
    /**
     * The counts of several filters read ahead, those of one base together (`reports.goals`' counting goals: one
     * statement per part of the range for all of them instead of one each); nothing when the fine rows answer.
     */
    countsOf: async (filters: readonly MetricsFilter[]): Promise<void> => {
      const byBase = new Map<string, MetricsFilter[]>();
      for (const f of filters) {
        const fine = ['fine', fineBase(f)];
        if (memo.has(fine) || memo.has(['n', f])) continue;
        const base = JSON.stringify(fine);
        byBase.set(base, [...(byBase.get(base) ?? []), f]);
      }
      const zone = env.plan.calendar.timeZone;
      const reads = [...byBase.values()]
        .filter((each) => each.length > 1)
        .map(async (each) => {
          const scoped = each.map((f) => scopeFilter(ctx.user, f));
          const read = countEach(ctx.db, ctx.user.orgId, fineBase(scoped[0]!), scoped, zone);
          // A failed read fails the counts that ask it (below, and each goal's), never as an unhandled rejection.
          each.forEach((f, k) => {
            memo.once(['n', f], async () => (await read)[k]!).catch(() => undefined);
          });
          await read;
        });
      await Promise.all(reads);
    },
  };
}
