import type {
  Closure,
  FollowupListResult,
  closureListInputSchema,
  closureListResultSchema,
  followupListInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { closurePage, followupPage, type ClosureRow } from '../../db/queries/followups';
import { toIso } from '../../iso';
import { decodePageCursor, keysetPage } from '../page-cursor';
import type { ServiceCtx } from '../service-ctx';
import { toFollowup } from '../sync/rows';
import { listOwner } from './list-owner';

/* The follow-ups and the closures, newest first, a page at a time (`page-cursor.ts`). */

/** The caller's follow-ups (managers: any user's), latest due first. */
export async function listFollowups(
  ctx: ServiceCtx,
  input: z.output<typeof followupListInputSchema>,
): Promise<FollowupListResult> {
  const owner = (await listOwner(ctx, { userId: input.userId }))!;
  const cursor = decodePageCursor(input.cursor);
  const filter = { userId: owner, status: input.status };
  const rows = await followupPage(ctx.db, ctx.user.orgId, filter, cursor, input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.dueAt, id: last.id }));
  return { items: page.map(toFollowup), nextCursor };
}

const closureOf = (r: ClosureRow): Closure => ({
  id: r.id,
  interactionId: r.interaction_id,
  reason: r.reason,
  closedBy: r.closed_by,
  closedByName: r.closed_by_name,
  closedAt: toIso(r.closed_at),
  occurredAt: toIso(r.occurred_at),
  userId: r.user_id,
  userName: r.user_name,
  stakeholderId: r.stakeholder_id,
  stakeholderName: r.stakeholder_name,
  stakeholderType: r.stakeholder_type,
  channel: r.channel,
  title: r.title,
  url: r.url,
});

/** Managers: the "no reply needed" closures with their reasons, latest first. */
export async function listClosures(
  ctx: ServiceCtx,
  input: z.output<typeof closureListInputSchema>,
): Promise<z.output<typeof closureListResultSchema>> {
  const cursor = decodePageCursor(input.cursor);
  const rows = await closurePage(ctx.db, ctx.user.orgId, input, cursor, input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.closed_at, id: last.id }));
  return { items: page.map(closureOf), nextCursor };
}
