import {
  threadResolutionAt,
  workingMsBetween,
  type MetricsFilter,
  type MetricsThreadsResult,
  type ThreadItem,
  type WorkCalendar,
  type metricsThreadsInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { countThreads, threadPage, type ThreadRow } from '../../db/queries/evaluation-metrics';
import { countOpenedBetween } from '../../db/queries/threads';
import { toIso, toIsoOrNull } from '../../iso';
import { decodePageCursor, keysetPage } from '../page-cursor';
import type { ServiceCtx } from '../service-ctx';
import { resolutionThreadOf } from './resolution';
import { loadEnv, scopeFilter } from './scope';

/*
 * `metrics.threads`, the drill-down of the resolution goals (docs/metrics.md "Goals"): the conversations opened in
 * the period, newest first, each with its state and the figures the goals read of it, decided by the shared
 * `threadResolutionAt` as the goals decide them.
 */

function itemOf(row: ThreadRow, asOfMs: number, cal: WorkCalendar): ThreadItem {
  const thread = resolutionThreadOf(row, asOfMs);
  const { resolvedAtMs } = threadResolutionAt(thread.outcomes, asOfMs);
  const until = resolvedAtMs ?? asOfMs;
  return {
    threadKey: row.thread_key,
    firstInteractionId: row.id,
    openedAt: toIso(row.opened_at),
    purpose: row.purpose,
    // Events after `asOfMs` are left out: a thread with events that is not resolved was reopened.
    state: resolvedAtMs !== null ? 'resolved' : thread.outcomes.length > 0 ? 'reopened' : 'open',
    resolvedAt: toIsoOrNull(resolvedAtMs),
    replies: thread.outboundAtMs.filter((at) => at <= until).length,
    resolutionWorkMs: resolvedAtMs === null ? null : workingMsBetween(row.opened_at, resolvedAtMs, cal),
    channel: row.channel,
    stakeholderId: row.stakeholder_id,
    stakeholderName: row.stakeholder_name,
    stakeholderType: row.stakeholder_type,
    userId: row.user_id,
    userName: row.user_name,
    title: row.title,
    url: row.url,
  };
}

/** Whether the filter keeps every thread of its period: no dimension set (an empty list sets none). */
function periodOnly(filter: MetricsFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) => key === 'from' || key === 'to' || value === undefined || (Array.isArray(value) && !value.length),
  );
}

/**
 * The threads opened in the filter's period, newest first, a page at a time, in their state as of `asOf` (default:
 * the period's last instant). Staff get the threads they logged a message in.
 */
export async function metricsThreads(
  ctx: ServiceCtx,
  input: z.output<typeof metricsThreadsInputSchema>,
): Promise<MetricsThreadsResult> {
  const { plan } = await loadEnv(ctx);
  const filter = scopeFilter(ctx.user, input.filter);
  const asOfMs = input.asOf ? Date.parse(input.asOf) : Date.parse(filter.to) - 1;
  const scope = { orgId: ctx.user.orgId, filter, states: input.state, asOfMs };
  // Every thread of the period, in any state: counted on the index of `thread_firsts` alone, no message read.
  const total =
    periodOnly(filter) && !input.state?.length
      ? await countOpenedBetween(ctx.db, scope.orgId, Date.parse(filter.from), Date.parse(filter.to))
      : await countThreads(ctx.db, scope);
  const rows = await threadPage(ctx.db, scope, decodePageCursor(input.cursor), input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.opened_at, id: last.id }));
  return { total, items: page.map((row) => itemOf(row, asOfMs, plan.calendar)), nextCursor };
}
