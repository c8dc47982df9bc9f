import {
  channels,
  directionSchema,
  stakeholderTypes,
  type MetricsGroupBy,
  type ResponseTimesResult,
  type responseTimesInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { isTimeDim } from '../../db/queries/metrics';
import { scanWaitCodes } from '../../db/queries/wait-codes';
import { OTHER_VALUE, UndecodableWaits, type CodedValue } from '../../db/queries/wait-codes-decode';
import type { ServiceCtx } from '../service-ctx';
import { grouping, type Grouping } from './grouping';
import { groupAccumulators } from './response-groups';
import { scannedResponseTimes, type ResponseScope } from './response-times-scan';
import { asOfMs, loadEnv, scopeFilter, type MetricsEnv } from './scope';
import { WaitTally } from './wait-tally';

/*
 * `metrics.responseTimes` (docs/metrics.md "Roll-ups"): the waits in range read a month at a time as codes (their
 * status as of `asOf` and answered time worked out in SQL, a few bytes each) and folded into a `WaitTally` per group;
 * the same figures as the shared `ResponseStatsAccumulator` over the same waits, which reads them when the codes
 * cannot carry one (`response-times-scan.ts`).
 */

/** The dimensions whose values are a closed list: coded in the wait's integer. */
const enumValues: Partial<Record<MetricsGroupBy, readonly string[]>> = {
  stakeholderType: stakeholderTypes,
  channel: channels,
  direction: directionSchema.options,
};

/** How the codes read each of the grouping's values (`g.names`, in order). */
function codedValues(g: Grouping): CodedValue[] {
  return g.names.map((name, k) => {
    const value = g.values[k]!;
    if (name === 'd') return { kind: 'integer', sql: value };
    const dim = g.dims[Number(name.slice(1))]!;
    if (isTimeDim(dim)) throw new Error(`time dimension ${dim} is read as the local day`);
    const values = enumValues[dim];
    // One digit a value, OTHER_VALUE kept for a value off the list: a longer list is read as text.
    if (values && values.length < OTHER_VALUE) return { kind: 'enum', sql: value, values };
    return { kind: 'text', sql: value, nullable: dim !== 'user' };
  });
}

/** The figures from the waits' codes; throws `UndecodableWaits` when a wait cannot be coded. */
export async function codedResponseTimes(ctx: ServiceCtx, s: ResponseScope): Promise<ResponseTimesResult> {
  const g = s.grouping;
  const groups = groupAccumulators(g, () => new WaitTally());
  // Without a grouping one tally is the total; with one, the total is the groups' tallies merged.
  const only = g.dims.length ? null : new WaitTally();
  await scanWaitCodes(
    ctx.db,
    ctx.user.orgId,
    s.filter,
    { basis: s.basis, asOfMs: s.asOfMs, values: codedValues(g), firstResponseOnly: s.firstResponseOnly },
    only ? (status, ms) => only.add(status, ms) : (status, ms, values) => groups.of(values, 0).add(status, ms),
  );
  const total = only ?? WaitTally.merged(groups.tallies());
  return { basis: s.basis, total: total.result(), rows: only ? [] : groups.rows() };
}

/** What `metrics.responseTimes` reads for `input`: the caller's filter, the plan zone's groups, `asOf`. */
export function responseScope(
  ctx: ServiceCtx,
  input: z.output<typeof responseTimesInputSchema>,
  env: MetricsEnv,
): ResponseScope {
  const filter = scopeFilter(ctx.user, input.filter);
  return {
    filter,
    grouping: grouping(input.groupBy, Date.parse(filter.from), Date.parse(filter.to), env.plan.calendar.timeZone),
    basis: input.basis,
    asOfMs: asOfMs(ctx, input.asOf),
    firstResponseOnly: input.firstResponseOnly ?? false,
  };
}

/**
 * Response figures over waits starting in [from, to), as of `asOf`, on the working or calendar basis, in total and
 * per group. `env`: the report's plan, read once for all its figures.
 */
export async function metricsResponseTimes(
  ctx: ServiceCtx,
  input: z.output<typeof responseTimesInputSchema>,
  env?: MetricsEnv,
): Promise<ResponseTimesResult> {
  const scope = responseScope(ctx, input, env ?? (await loadEnv(ctx)));
  try {
    return await codedResponseTimes(ctx, scope);
  } catch (err) {
    if (err instanceof UndecodableWaits) return scannedResponseTimes(ctx, scope);
    throw err;
  }
}
