import type { MetricsGroupBy, TotalsResult, totalsInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import type { ServiceCtx } from '../service-ctx';
import { countGrouped } from './day-counts';
import { grouping, KeyedCounts, type KeyRecord } from './grouping';
import { loadEnv, scopeFilter, type MetricsEnv } from './scope';

/* `metrics.totals` (docs/metrics.md): counts of interactions, grouped in SQL, whole days from the day counts. */

/**
 * Counts of interactions in [from, to), grouped in SQL (time dimensions by local day, rolled up here). `env`: the
 * report's plan, read once for all its figures.
 */
export async function metricsTotals(
  ctx: ServiceCtx,
  input: z.output<typeof totalsInputSchema>,
  env?: MetricsEnv,
): Promise<TotalsResult> {
  const { plan } = env ?? (await loadEnv(ctx));
  const filter = scopeFilter(ctx.user, input.filter);
  const zone = plan.calendar.timeZone;
  const g = grouping(input.groupBy, Date.parse(filter.from), Date.parse(filter.to), zone);
  const rows = await countGrouped(ctx.db, ctx.user.orgId, filter, g, zone);
  let total = 0;
  const counts = new KeyedCounts(g.dims);
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    if (g.dims.length) counts.add(g.keyOf(row), n);
  }
  return { total, rows: counts.rows().filter((r) => r.count > 0) };
}

/**
 * Totals grouped by some of the dimensions `totals` was grouped by, summed from its rows, in the order
 * `metricsTotals` gives them: one fine-grained query can answer several coarser questions.
 */
export function rollUpTotals(totals: TotalsResult, dims: readonly MetricsGroupBy[]): TotalsResult {
  const unique = [...new Set(dims)];
  const counts = new KeyedCounts(unique);
  for (const row of totals.rows) {
    const key: KeyRecord = {};
    for (const d of unique) {
      if (!(d in row.key)) throw new Error(`rollUpTotals: the totals are not grouped by ${d}`);
      key[d] = row.key[d] ?? null;
    }
    counts.add(key, row.count);
  }
  return { total: totals.total, rows: unique.length ? counts.rows() : [] };
}
