import { TRPCError } from '@trpc/server';
import {
  classifyWait,
  type DrilldownItem,
  type MetricsFilter,
  type MetricsInteractionsResult,
  type WaitStatus,
  type metricsInteractionsInputSchema,
} from '@comms-log/shared';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import {
  countDrilldown,
  dimsEqual,
  drilldownPage,
  drilldownRowsById,
  idIn,
  isTimeDim,
  type DrilldownRow,
  type DrilldownScope,
  type ValueDim,
} from '../../db/queries/metrics';
import { firstResponseWhere, scanWaits } from '../../db/queries/waits';
import { toIso, toIsoOrNull } from '../../iso';
import { decodePageCursor, encodePageCursor, keysetPage, type PageCursor } from '../page-cursor';
import type { ServiceCtx } from '../service-ctx';
import { asOfMs, assertOwnFilter, loadEnv, scopeFilter } from './scope';
import { timeKeyRange } from './time-keys';

/*
 * `metrics.interactions`, the drill-down (docs/metrics.md): the interactions behind a figure, newest first. Wait
 * statuses are decided by the shared `classifyWait` as of `asOf`, exactly as `metrics.responseTimes` counts them,
 * so a drill-down lists as many rows as its figure.
 */

type InteractionsInput = z.output<typeof metricsInteractionsInputSchema>;

/** Narrow a filter to one row of a grouped figure: equality on each dimension, the time key's range. */
function narrowByKey(filter: MetricsFilter, key: InteractionsInput['key'], zone: string): DrilldownScope['narrow'] {
  let from = Date.parse(filter.from);
  let to = Date.parse(filter.to);
  const equal: [ValueDim, string | null][] = [];
  for (const [dim, value] of Object.entries(key ?? {}) as [keyof NonNullable<typeof key>, string | null][]) {
    if (!isTimeDim(dim)) {
      equal.push([dim, value]);
      continue;
    }
    const range = value === null ? null : timeKeyRange(dim, value, zone);
    if (!range)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The ${dim} key "${value}" is not valid (e.g. 2026-03-09, 2026-W11, 2026-03).`,
      });
    from = Math.max(from, range.from);
    to = Math.min(to, range.to);
  }
  return { where: dimsEqual(equal), rangeMs: { from, to: Math.max(from, to) } };
}

function itemOf(r: DrilldownRow, status: WaitStatus | null): DrilldownItem {
  return {
    id: r.id,
    occurredAt: toIso(r.occurred_at),
    source: r.source,
    channel: r.channel,
    direction: r.direction,
    threadKey: r.thread_key,
    title: r.title,
    url: r.url,
    stakeholderId: r.stakeholder_id,
    stakeholderName: r.stakeholder_name,
    stakeholderType: r.stakeholder_type,
    userId: r.user_id,
    userName: r.user_name,
    authorName: r.author_name,
    authorHandle: r.author_handle,
    waitStart: r.wait_start === 1,
    repliedAt: toIsoOrNull(r.replied_at),
    responseMs: r.response_ms,
    responseWorkMs: r.response_work_ms,
    deadlineAt: toIsoOrNull(r.deadline_at),
    status,
    firstResponse: r.first_response === 1,
  };
}

/** Newest first, then the greater id first: the lists' keyset order. */
const newestFirst = (a: PageCursor, b: PageCursor): number => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const isAfter = (w: PageCursor, cursor: PageCursor | null): boolean =>
  !cursor || w.at < cursor.at || (w.at === cursor.at && w.id < cursor.id);

/** What one page of the drill-down asks, its cursor decoded. */
interface PageRequest {
  scope: DrilldownScope;
  /** Wait statuses are as of this instant. */
  at: number;
  cursor: PageCursor | null;
  limit: number;
  onTime: InteractionsInput['onTime'];
}

/** Waits only (or of one status): the waits are scanned newest window first and classified as of `at`. */
async function waitsPage(ctx: ServiceCtx, req: PageRequest): Promise<MetricsInteractionsResult> {
  const { scope, at, cursor, onTime } = req;
  const statusOf = new Map<string, WaitStatus>();
  const page: PageCursor[] = [];
  let total = 0;
  let more = false;
  // Once a page and one more are found, older windows are only counted.
  const columns = ['id', 'occurredAt', 'repliedAt', 'deadlineAt', 'closedAt'] as const;
  await scanWaits(
    ctx.db,
    scope.orgId,
    scope.filter,
    columns,
    (rows) => {
      const found: PageCursor[] = [];
      for (const [id, startMs, replyAtMs, deadlineMs, closedAtMs] of rows) {
        const status = classifyWait({ replyAtMs, deadlineMs, closedAtMs }, at);
        if (onTime && status !== onTime) continue;
        total++;
        const w = { at: startMs, id };
        if (more || !isAfter(w, cursor)) continue;
        statusOf.set(id, status);
        found.push(w);
      }
      for (const w of found.sort(newestFirst)) {
        if (page.length < req.limit) page.push(w);
        else more = true;
      }
    },
    { narrow: scope.narrow, newestFirst: true },
  );
  const ids = page.map((w) => w.id);
  const byId = new Map((ids.length ? await drilldownRowsById(ctx.db, scope.orgId, ids) : []).map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [itemOf(r, statusOf.get(id) ?? null)] : [];
  });
  const last = page[page.length - 1];
  return { total, items, nextCursor: more && last ? encodePageCursor(last.at, last.id) : null };
}

/** Every interaction: a page in SQL, then the statuses of the waits on it. */
async function interactionsPage(ctx: ServiceCtx, req: PageRequest): Promise<MetricsInteractionsResult> {
  const { scope, at } = req;
  const n = await countDrilldown(ctx.db, scope);
  const rows = await drilldownPage(ctx.db, scope, req.cursor, req.limit + 1);
  const { page, nextCursor } = keysetPage(rows, req.limit, (last) => ({ at: last.occurred_at, id: last.id }));
  const waitIds = page.filter((r) => r.wait_start === 1).map((r) => r.id);
  const statuses = new Map<string, WaitStatus>();
  if (waitIds.length) {
    await scanWaits(
      ctx.db,
      scope.orgId,
      scope.filter,
      ['id', 'repliedAt', 'deadlineAt', 'closedAt'],
      (rows) => {
        for (const [id, replyAtMs, deadlineMs, closedAtMs] of rows)
          statuses.set(id, classifyWait({ replyAtMs, deadlineMs, closedAtMs }, at));
      },
      { narrow: { where: idIn(waitIds), rangeMs: scope.narrow.rangeMs } },
    );
  }
  return { total: n, items: page.map((r) => itemOf(r, statuses.get(r.id) ?? null)), nextCursor };
}

/** The interactions behind a figure, newest first, a page at a time. */
export async function metricsInteractions(
  ctx: ServiceCtx,
  input: InteractionsInput,
): Promise<MetricsInteractionsResult> {
  // A row of a figure grouped by user is a user filter too.
  if (input.key?.user !== undefined) assertOwnFilter(ctx.user, [input.key.user]);
  const env = await loadEnv(ctx);
  const filter = scopeFilter(ctx.user, input.filter);
  const narrow = narrowByKey(filter, input.key, env.plan.calendar.timeZone);
  if (input.firstResponseOnly) narrow.where = and(narrow.where, firstResponseWhere(true))!;
  const scope = { orgId: ctx.user.orgId, filter, narrow };
  const req: PageRequest = {
    scope,
    at: asOfMs(ctx, input.asOf),
    cursor: decodePageCursor(input.cursor),
    limit: input.limit,
    onTime: input.onTime,
  };
  return input.waitsOnly || input.onTime || input.firstResponseOnly ? waitsPage(ctx, req) : interactionsPage(ctx, req);
}
