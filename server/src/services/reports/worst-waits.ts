import { classifyWait, workingMsBetween, type MetricsFilter, type PeriodReport } from '@comms-log/shared';
import { poolTime, poolValue, type WaitPool } from '../../db/queries/report-waits';
import { waitDetails } from '../../db/queries/reports';
import { scanWaits, type WaitColumnTypes } from '../../db/queries/waits';
import { toIso } from '../../iso';
import type { MetricsEnv } from '../metrics/scope';
import type { ServiceCtx } from '../service-ctx';

/* The report's worst waits: the longest of the period, answered or not. */

const WORST_WAITS = 10;

type ReportWait = PeriodReport['gaps']['worstWaits'][number];

interface Ranked {
  wait: Pick<WaitColumnTypes, 'stakeholderId' | 'stakeholderType' | 'channel' | 'userId'> & {
    startId: string;
    startMs: number;
  };
  status: 'on_time' | 'late';
  waitedWorkMs: number;
  waitedMs: number;
}

/** Longest working wait first, then longest calendar wait, then the first start id: a total order. */
const rankOrder = (aWork: number, aMs: number, aId: string, b: Ranked) =>
  b.waitedWorkMs - aWork || b.waitedMs - aMs || (aId < b.wait.startId ? -1 : 1);
const byRank = (a: Ranked, b: Ranked) => rankOrder(a.waitedWorkMs, a.waitedMs, a.wait.startId, b);

const columns = [
  'id',
  'occurredAt',
  'stakeholderId',
  'stakeholderType',
  'channel',
  'userId',
  'repliedAt',
  'responseMs',
  'responseWorkMs',
  'deadlineAt',
  'closedAt',
] as const;

type WaitRow = [
  string,
  number,
  string | null,
  WaitColumnTypes['stakeholderType'],
  WaitColumnTypes['channel'],
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/** The waits of the report's pool that a figure keeps, by index. */
export interface PooledWaits {
  pool: WaitPool;
  kept: Uint32Array;
}

/** Candidates kept before cutting back to the longest: sorting 256 now and then, not every wait of the period. */
const CUT_AT = 256;

/**
 * The longest waits that started in the period (working time to the reply, or to `at` while unanswered), and how
 * many late ones are still unanswered at `at`; closed and pending ones are not gaps. `pooled`: the period's waits
 * when the report has read them already; else they are scanned here.
 */
async function rankWaits(
  ctx: ServiceCtx,
  env: MetricsEnv,
  filter: MetricsFilter,
  at: number,
  pooled: PooledWaits | null,
): Promise<{ worst: Ranked[]; openLate: number }> {
  const cal = env.plan.calendar;
  let worst: Ranked[] = [];
  /** The tenth of the longest so far, once there are ten: a wait ranked after it can never be among them. */
  let cutoff: Ranked | null = null;
  let openLate = 0;
  // Keeping only the longest so far (`byRank` is a total order, so cutting early keeps the same ten): a long period
  // of a large org is never held whole when scanned by the month.
  const consider = (...r: WaitRow) => {
    const [startId, startMs, stakeholderId, stakeholderType, channel, userId, replyAtMs, responseMs, responseWorkMs] =
      r;
    const status = classifyWait({ replyAtMs, deadlineMs: r[9], closedAtMs: r[10] }, at);
    if (status !== 'on_time' && status !== 'late') return;
    const answered = replyAtMs !== null && replyAtMs <= at;
    if (status === 'late' && !answered) openLate++;
    const waitedWorkMs = answered ? (responseWorkMs ?? 0) : workingMsBetween(startMs, at, cal);
    const waitedMs = answered ? (responseMs ?? 0) : at - startMs;
    if (cutoff && rankOrder(waitedWorkMs, waitedMs, startId, cutoff) > 0) return;
    worst.push({
      wait: { startId, startMs, stakeholderId, stakeholderType, channel, userId },
      status,
      waitedWorkMs,
      waitedMs,
    });
    if (worst.length < CUT_AT) return;
    worst = worst.sort(byRank).slice(0, WORST_WAITS);
    cutoff = worst.length === WORST_WAITS ? worst[WORST_WAITS - 1]! : null;
  };
  if (pooled) {
    const { pool } = pooled;
    for (const i of pooled.kept)
      consider(
        pool.id[i]!,
        pool.occurredAt[i]!,
        poolValue(pool, 'stakeholderId', i),
        poolValue(pool, 'stakeholderType', i) as WaitColumnTypes['stakeholderType'],
        poolValue(pool, 'channel', i) as WaitColumnTypes['channel'],
        poolValue(pool, 'userId', i)!,
        poolTime(pool, 'replyAtMs', i),
        poolTime(pool, 'responseMs', i),
        poolTime(pool, 'responseWorkMs', i),
        poolTime(pool, 'deadlineMs', i),
        poolTime(pool, 'closedAtMs', i),
      );
  } else
    await scanWaits(ctx.db, ctx.user.orgId, filter, columns, (rows) => {
      for (const r of rows as WaitRow[]) consider(...r);
    });
  return { worst: worst.sort(byRank).slice(0, WORST_WAITS), openLate };
}

/** The longest waits of the period with their titles and names, and how many late ones are still unanswered. */
export async function worstWaitsOf(
  ctx: ServiceCtx,
  env: MetricsEnv,
  filter: MetricsFilter,
  at: number,
  pooled: PooledWaits | null = null,
): Promise<{ worst: ReportWait[]; openLate: number }> {
  const { worst, openLate } = await rankWaits(ctx, env, filter, at, pooled);
  if (worst.length === 0) return { worst: [], openLate };
  const details = await waitDetails(
    ctx.db,
    ctx.user.orgId,
    worst.map((r) => r.wait.startId),
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = worst.map(({ wait, status, waitedWorkMs, waitedMs }) => {
    const d = byId.get(wait.startId);
    return {
      id: wait.startId,
      occurredAt: toIso(wait.startMs),
      stakeholderId: wait.stakeholderId,
      stakeholderName: d?.stakeholder_name ?? null,
      stakeholderType: wait.stakeholderType,
      channel: wait.channel,
      userId: wait.userId,
      userName: d?.user_name ?? null,
      title: d?.title ?? null,
      url: d?.url ?? null,
      status,
      waitedWorkMs,
      waitedMs,
    };
  });
  return { worst: items, openLate };
}
