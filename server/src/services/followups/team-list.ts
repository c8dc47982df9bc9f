import { channels, resolveSla, stakeholderTypes, type OverdueResult, type Plan } from '@comms-log/shared';
import { waitsSettledAfterRows } from '../../db/queries/followups';
import {
  lateOpenWaitCount,
  lateOpenWaitPage,
  pendingOpenWaitRows,
  type LateWaitFilter,
} from '../../db/queries/team-followups';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { overdueOfWaits } from './overdue';

/*
 * The list `followups.team` cuts its pages from (docs/sync.md "Pull"): what `followups.overdue` lists, except that of
 * the waits open now and late (most of a team's list) only the first `lateTake` in the list's order are read; the
 * rest are counted in SQL. Every other part (due-soon waits, waits settled since a past instant, cadence, reminders,
 * activities) is read whole, as before, so the items up to `lateTake` and every total are the full list's.
 */

/** The `type:channel` pairs the plan gives no SLA: their waits have no deadline the list can show. */
function noSlaPairs(plan: Plan): string[] {
  return stakeholderTypes.flatMap((t) =>
    channels.filter((c) => resolveSla(plan, t, c) === null).map((c) => `${t}:${c}`),
  );
}

export interface TeamList {
  /** The list, its late waits cut after the first `lateTake` of those open now. */
  list: OverdueResult;
  /** How many late waits the whole list holds. */
  lateTotal: number;
}

/** Which list: as of when, whether that instant was given (`past`), and how many late open waits to read. */
export interface TeamListAt {
  asOfMs: number;
  /** The instant came with the ask (a later page's cursor, `asOf`): waits settled since it were open then. */
  past: boolean;
  lateTake: number;
}

/** The list of `forUserId` (null: the team's) as of `asOfMs`, with the first `lateTake` late open waits. */
export async function teamList(
  ctx: ServiceCtx,
  forUserId: string | null,
  { asOfMs, past, lateTake }: TeamListAt,
): Promise<TeamList> {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const { plan } = await currentPlan(db, orgId);
  const filter: LateWaitFilter = { forUserId, asOfMs, noSlaPairs: noSlaPairs(plan) };
  const latePage = lateTake > 0 ? await lateOpenWaitPage(db, orgId, filter, lateTake) : [];
  const lateOpen = await lateOpenWaitCount(db, orgId, filter);
  const others = await pendingOpenWaitRows(db, orgId, forUserId, asOfMs);
  // A past instant (a later page) also lists the waits answered or closed since, as `followups.overdue` does. Not a
  // first page read as of now: its instant is this read's, and the search walks every wait of the org (~7 ms of a
  // 40 ms page at 100,000 interactions).
  if (past && asOfMs < nowOf(ctx)) others.push(...(await waitsSettledAfterRows(db, orgId, forUserId, asOfMs)));
  const waitRows = [...latePage, ...others];
  const list = await overdueOfWaits(ctx, { forUserId, asOfMs, plan, waitRows, byPurpose: false });
  const paged = new Set(latePage.map((r) => r.id));
  let lateOthers = 0;
  for (const item of list.items) if (item.kind === 'wait' && item.state === 'late' && !paged.has(item.id)) lateOthers++;
  return { list, lateTotal: lateOpen + lateOthers };
}
