import { sql } from 'drizzle-orm';
import type { PushEntity, PushItem, PushResult } from '@comms-log/shared';
import { currentSeq } from '../../db/queries/seq';
import type { ServiceCtx } from '../service-ctx';

/** The reason a push item gets when storing it failed unexpectedly (docs/sync.md "Per-item rejection"). */
export const ITEM_NOT_STORED = 'could not be stored: internal error';

/** Where an unexpected failure of one item is reported (the caller only learns its reason). */
const logItemFailure = (id: string, error: unknown) =>
  console.error(`sync.push: item ${id} could not be stored; the rest of its batch applied`, error);

/** The order a batch applies its kinds in: outcomes after the interactions they may be about. */
const entityRank: Record<PushEntity, number> = { interaction: 0, followup: 1, thread_outcome: 2, coverage: 3 };

/** As the batch applies them: the last item for an id wins, in its kind's place and its id's first position. */
function inApplyOrder(items: readonly PushItem[]): PushItem[] {
  const byId = new Map<string, PushItem>();
  for (const item of items) byId.set(`${item.entity}:${item.id}`, item);
  return [...byId.values()].sort((a, b) => entityRank[a.entity] - entityRank[b.entity]);
}

/** Whether the database still answers in `ctx` (else the failure is not the item's, and the push fails whole). */
async function stillAnswers(ctx: ServiceCtx): Promise<boolean> {
  try {
    await ctx.db.run(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * A batch that failed unexpectedly, again one item at a time in one transaction, each in a savepoint of its own: an
 * item that fails again is rolled back alone and rejected with {@link ITEM_NOT_STORED} (and logged), so a client
 * does not retry its whole batch for ever; the others apply. `apply` is the batch push, run on a one-item batch.
 */
export function pushItemByItem(
  ctx: ServiceCtx,
  items: readonly PushItem[],
  apply: (ctx: ServiceCtx, items: PushItem[]) => Promise<PushResult>,
): Promise<PushResult> {
  return ctx.db.transaction(async (tx) => {
    const inTx: ServiceCtx = { ...ctx, db: tx };
    const result: PushResult = { applied: [], rejected: [], cursor: 0 };
    for (const item of inApplyOrder(items)) {
      try {
        // `apply` opens a transaction of its own: inside this one, a savepoint.
        const one = await apply(inTx, [item]);
        result.applied.push(...one.applied);
        result.rejected.push(...one.rejected);
      } catch (e) {
        if (!(await stillAnswers(inTx))) throw e;
        logItemFailure(item.id, e);
        result.rejected.push({ id: item.id, reason: ITEM_NOT_STORED });
      }
    }
    result.cursor = await currentSeq(tx, ctx.user.orgId);
    return result;
  });
}
