import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { PullResult, pullInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { currentSeq } from '../../db/queries/seq';
import { erasures, type ErasureRow } from '../../db/tables/erasure';
import { followups, interactions, stakeholders, type FollowupRow, type InteractionRow } from '../../db/schema';
import { withIdentities } from '../directory/stakeholders';
import { isManager, nowOf, type ServiceCtx } from '../service-ctx';
import { toFollowup, toInteraction } from './rows';

/**
 * Changes after `cursor`, oldest first, at most `limit` rows in all (docs/sync.md "Pull"). Staff get their own
 * interactions and follow-ups; managers and admins the org's, or their own with `scope: 'own'` (what the extension
 * keeps: its team views read the server). Everyone gets the org's stakeholders (the local directory).
 */
export async function pull(ctx: ServiceCtx, input: z.output<typeof pullInputSchema>): Promise<PullResult> {
  const { db, user } = ctx;
  const orgId = user.orgId;
  const now = nowOf(ctx);
  const limit = input.limit;
  // Read the counter first: every row with seq ≤ it was committed with it, so nothing below it can appear later.
  const top = await currentSeq(db, orgId);
  const own = !isManager(user) || input.scope === 'own';
  const window = (
    seqCol: typeof interactions.seq | typeof followups.seq | typeof stakeholders.seq | typeof erasures.seq,
  ) => and(gt(seqCol, input.cursor), lte(seqCol, top));
  const [iRows, fRows, sRows, eRows] = await Promise.all([
    db
      .select()
      .from(interactions)
      .where(
        and(
          eq(interactions.orgId, orgId),
          own ? eq(interactions.userId, user.id) : undefined,
          window(interactions.seq),
        ),
      )
      .orderBy(asc(interactions.seq))
      .limit(limit + 1),
    db
      .select()
      .from(followups)
      .where(and(eq(followups.orgId, orgId), own ? eq(followups.userId, user.id) : undefined, window(followups.seq)))
      .orderBy(asc(followups.seq))
      .limit(limit + 1),
    db
      .select()
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), window(stakeholders.seq)))
      .orderBy(asc(stakeholders.seq))
      .limit(limit + 1),
    // Erasures go to everyone, staff included: an erased person leaves every local copy (docs/sync.md "Erasure").
    db
      .select()
      .from(erasures)
      .where(and(eq(erasures.orgId, orgId), window(erasures.seq)))
      .orderBy(asc(erasures.seq))
      .limit(limit + 1),
  ]);
  type Tagged = { seq: number; i?: InteractionRow; f?: FollowupRow; s?: (typeof sRows)[number]; e?: ErasureRow };
  const merged: Tagged[] = [
    ...iRows.map((i) => ({ seq: i.seq, i })),
    ...fRows.map((f) => ({ seq: f.seq, f })),
    ...sRows.map((s) => ({ seq: s.seq, s })),
    ...eRows.map((e) => ({ seq: e.seq, e })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);
  const hasMore = merged.length > limit;
  const cursor = hasMore ? page[page.length - 1]!.seq : Math.max(top, input.cursor);
  return {
    interactions: page.flatMap((t) => (t.i ? [toInteraction(t.i, now)] : [])),
    followups: page.flatMap((t) => (t.f ? [toFollowup(t.f)] : [])),
    stakeholders: await withIdentities(
      db,
      orgId,
      page.flatMap((t) => (t.s ? [t.s] : [])),
    ),
    erasures: page.flatMap((t) =>
      t.e
        ? [{ stakeholderId: t.e.stakeholderId, interactionIds: t.e.interactionIds, followupIds: t.e.followupIds }]
        : [],
    ),
    cursor,
    hasMore,
  };
}
