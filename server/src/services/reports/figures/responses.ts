import type { MetricsFilter, MetricsGroupBy, ResponseTimesResult } from '@comms-log/shared';
import type { MsRange } from '../../../db/queries/metrics';
import { reportWaitsIn } from '../../../db/queries/report-waits';
import { metricsResponseTimes } from '../../metrics/response-times';
import { scopeFilter } from '../../metrics/scope';
import type { FigureSource } from './memo';
import { typeSets } from '../response-sets';
import { poolHolds, responseFromWaits, waitsKept } from '../wait-pool';
import type { PooledWaits } from '../worst-waits';

/**
 * The report's response figures. Those whose period lies in `waitsRange` are split from one read of the org's waits
 * in that range; the others are the metrics service's, those of several goals alike read together.
 */
export function responseFigures({ ctx, env, memo }: FigureSource, waitsRange?: MsRange) {
  const pooledWaits = (range: MsRange) => memo.once(['w'], () => reportWaitsIn(ctx.db, ctx.user.orgId, range));
  return {
    response: (
      filter: MetricsFilter,
      groupBy: MetricsGroupBy[],
      basis: 'working' | 'calendar',
      asOf: string,
    ): Promise<ResponseTimesResult> =>
      memo.once(['r', filter, groupBy, basis, asOf], async () => {
        if (!waitsRange || !poolHolds(waitsRange, filter))
          return metricsResponseTimes(ctx, { filter, groupBy, basis, asOf }, env);
        const scoped = scopeFilter(ctx.user, filter);
        return responseFromWaits(
          await pooledWaits(waitsRange),
          { filter: scoped, groupBy, basis, asOfMs: Date.parse(asOf) },
          env.plan.calendar.timeZone,
        );
      }),
    /**
     * Response figures (no grouping) of several filters read ahead: those alike but for their one stakeholder type
     * in one read grouped by type (`typeSets`); a type without waits there reads its own.
     */
    responsesOf: async (filters: readonly MetricsFilter[], basis: 'working' | 'calendar', asOf: string) => {
      const key = (f: MetricsFilter) => ['r', f, [], basis, asOf];
      const unread = filters.filter((f) => !memo.has(key(f)) && !(waitsRange && poolHolds(waitsRange, f)));
      const reads = typeSets(unread).map(async ({ union, each }) => {
        const read = metricsResponseTimes(ctx, { filter: union, groupBy: ['stakeholderType'], basis, asOf }, env);
        for (const f of each) {
          const type = f.stakeholderType![0]!;
          // A failed read fails the figures that ask it (each goal's), never as an unhandled rejection.
          memo
            .once(key(f), async () => {
              const row = (await read).rows.find((r) => r.key.stakeholderType === type);
              if (row) return { basis, total: row.stats, rows: [] };
              return metricsResponseTimes(ctx, { filter: f, groupBy: [], basis, asOf }, env);
            })
            .catch(() => undefined);
        }
        await read;
      });
      await Promise.all(reads);
    },
    /** The waits `filter` keeps, from the one read of the waits; null when its period is outside that read. */
    waitsOf: async (filter: MetricsFilter): Promise<PooledWaits | null> => {
      if (!waitsRange || !poolHolds(waitsRange, filter)) return null;
      const pool = await pooledWaits(waitsRange);
      return { pool, kept: waitsKept(pool, scopeFilter(ctx.user, filter)) };
    },
  };
}
