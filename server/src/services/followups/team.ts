import { TRPCError } from '@trpc/server';
import type { FollowupGroupName, OverdueItem, TeamFollowupsResult, teamFollowupsInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { fromIso, toIso } from '../../iso';
import { decodePageCursor, encodePageCursor } from '../page-cursor';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { listOwner } from './list-owner';
import { teamList } from './team-list';

/*
 * `followups.team` (docs/sync.md "Pull"): the team's list, or one person's, as `followups.overdue` computes it, cut
 * into the popup's groups and paged within each; of the late waits only those up to the page's end are read
 * (team-list.ts). A page cursor carries the instant of the first page and the offset
 * in its group, so every page of one list is computed as of the same instant and no row moves between pages.
 */

type Input = z.output<typeof teamFollowupsInputSchema>;
const GROUPS: readonly FollowupGroupName[] = ['awaiting', 'cold', 'reminders'];

function groupOf(item: OverdueItem): FollowupGroupName {
  return item.kind === 'wait' ? 'awaiting' : item.kind === 'cadence' ? 'cold' : 'reminders';
}

const badCursor = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/**
 * Where the page starts: the cursor's instant and offset, or the first page as of `asOf` (default now). `past`: the
 * instant is one given, which may lie before this read.
 */
function pageStart(ctx: ServiceCtx, input: Input): { asOfMs: number; offset: number; past: boolean } {
  const cursor = decodePageCursor(input.cursor);
  if (!cursor) return { asOfMs: input.asOf ? fromIso(input.asOf) : nowOf(ctx), offset: 0, past: Boolean(input.asOf) };
  if (!input.group) throw badCursor('A page cursor belongs to one group: send the group it was given for.');
  const offset = /^\d{1,9}$/.test(cursor.id) ? Number(cursor.id) : Number.NaN;
  if (!Number.isSafeInteger(offset)) throw badCursor('This page cursor is not valid: start again from the first page.');
  return { asOfMs: cursor.at, offset, past: true };
}

/** Managers: the team's follow-ups (or `userId`'s), a page per group. */
export async function teamFollowups(ctx: ServiceCtx, input: Input): Promise<TeamFollowupsResult> {
  const { asOfMs, offset, past } = pageStart(ctx, input);
  const asOf = toIso(asOfMs);
  const forUserId = await listOwner(ctx, input.userId === undefined ? { team: true } : { userId: input.userId });
  const startOf = (g: FollowupGroupName) => (input.group === g ? offset : 0);
  // Only the awaiting group's late waits up to this page's end are read; the other groups are read whole.
  const wantsAwaiting = input.group === undefined || input.group === 'awaiting';
  const { list, lateTotal } = await teamList(ctx, forUserId, {
    asOfMs,
    past,
    lateTake: wantsAwaiting ? startOf('awaiting') + input.limit : 0,
  });
  const grouped: Record<FollowupGroupName, OverdueItem[]> = { awaiting: [], cold: [], reminders: [] };
  for (const item of list.items) grouped[groupOf(item)].push(item);
  const counts = { ...list.counts, late: lateTotal };
  const totals = {
    awaiting: lateTotal + counts.dueSoon,
    cold: grouped.cold.length,
    reminders: grouped.reminders.length,
  };
  const items: OverdueItem[] = [];
  const next: TeamFollowupsResult['next'] = { awaiting: null, cold: null, reminders: null };
  for (const g of GROUPS) {
    if (input.group !== undefined && input.group !== g) continue;
    const end = startOf(g) + input.limit;
    items.push(...grouped[g].slice(startOf(g), end));
    if (totals[g] > end) next[g] = encodePageCursor(asOfMs, String(end));
  }
  return { asOf, items, counts, totals, next };
}
