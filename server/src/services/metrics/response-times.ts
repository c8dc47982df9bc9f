import {
  ResponseStatsAccumulator,
  type ResponseTimesResult,
  type WaitFigures,
  type responseTimesInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { firstResponseWhere, scanWaits } from '../../db/queries/waits';
import type { ServiceCtx } from '../service-ctx';
import { compareKeys, grouping, keyString, type Grouping, type KeyRecord } from './grouping';
import { asOfMs, loadEnv, scopeFilter, type MetricsEnv } from './scope';

/*
 * `metrics.responseTimes` (docs/metrics.md): the waits in range read a month at a time, only the
 * few columns the figures need, folded by the shared `ResponseStatsAccumulator` (what `summarizeWaits` uses), so the
 * math lives in one place.
 */

type AccumulatorOptions = ConstructorParameters<typeof ResponseStatsAccumulator>[0];

/**
 * One accumulator per group key, found once per raw group value (several make one key: the days of a week). A
 * wait finds its accumulator by its raw values through one Map per value, so no string is made per wait.
 */
function groupAccumulators(g: Grouping, options: AccumulatorOptions) {
  const groups = new Map<string, { key: KeyRecord; acc: ResponseStatsAccumulator }>();
  const byRaw = new Map<unknown, unknown>();
  const accOf = (row: readonly unknown[], at: number): ResponseStatsAccumulator => {
    const named: Record<string, unknown> = {};
    g.names.forEach((n, k) => {
      named[n] = row[at + k];
    });
    const key = g.keyOf(named);
    const ks = keyString(g.dims, key);
    let grp = groups.get(ks);
    if (!grp) {
      grp = { key, acc: new ResponseStatsAccumulator(options) };
      groups.set(ks, grp);
    }
    return grp.acc;
  };
  return {
    /** The accumulator of a wait whose group values (in the order of `g.names`) start at `row[at]`. */
    of(row: readonly unknown[], at: number): ResponseStatsAccumulator {
      let level = byRaw;
      const last = at + g.names.length - 1;
      for (let k = at; k < last; k++) {
        let next = level.get(row[k]) as Map<unknown, unknown> | undefined;
        if (!next) {
          next = new Map();
          level.set(row[k], next);
        }
        level = next;
      }
      let acc = level.get(row[last]) as ResponseStatsAccumulator | undefined;
      if (!acc) {
        acc = accOf(row, at);
        level.set(row[last], acc);
      }
      return acc;
    },
    rows: () =>
      [...groups.values()]
        .sort((a, b) => compareKeys(g.dims, a.key, b.key))
        .map((grp) => ({ key: grp.key, stats: grp.acc.result() })),
  };
}

/**
 * Response figures over waits starting in [from, to), as of `asOf`, on the working or calendar basis: the waits'
 * five figures, a month at a time (`scanWaits`), folded into a `ResponseStatsAccumulator` per group. `env`: the
 * report's plan, read once for all its figures.
 */
export async function metricsResponseTimes(
  ctx: ServiceCtx,
  input: z.output<typeof responseTimesInputSchema>,
  env?: MetricsEnv,
): Promise<ResponseTimesResult> {
  const e = env ?? (await loadEnv(ctx));
  const filter = scopeFilter(ctx.user, input.filter);
  const options = { basis: input.basis, asOfMs: asOfMs(ctx, input.asOf) };
  const g = grouping(input.groupBy, Date.parse(filter.from), Date.parse(filter.to), e.plan.calendar.timeZone);
  const total = new ResponseStatsAccumulator(options);
  const groups = groupAccumulators(g, options);
  const calendar = input.basis === 'calendar';
  const columns = ['repliedAt', calendar ? 'responseMs' : 'responseWorkMs', 'deadlineAt', 'closedAt'] as const;
  await scanWaits(
    ctx.db,
    ctx.user.orgId,
    filter,
    columns,
    (rows) => {
      // One object filled per wait: the accumulators read it and keep none of it.
      const figures: WaitFigures = {
        replyAtMs: null,
        responseMs: null,
        responseWorkMs: null,
        deadlineMs: null,
        closedAtMs: null,
      };
      for (const r of rows) {
        figures.replyAtMs = r[0];
        if (calendar) figures.responseMs = r[1];
        else figures.responseWorkMs = r[1];
        figures.deadlineMs = r[2];
        figures.closedAtMs = r[3];
        total.add(figures);
        if (g.dims.length) groups.of(r, columns.length).add(figures);
      }
    },
    { extra: g.values, narrow: input.firstResponseOnly ? { where: firstResponseWhere(true) } : undefined },
  );
  return { basis: input.basis, total: total.result(), rows: groups.rows() };
}
