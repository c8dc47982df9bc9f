import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { threadOutcomes } from '../../db/tables/evaluation';
import { fromIso } from '../../iso';
import { deleteCoverage, ownCoverage, saveCoverage } from '../evaluations/coverage';
import { recordOutcome } from '../threads/outcomes';
import { accept, reject, reserved, type PushBatch } from './batch';
import type { CoverageOp, OutcomeUpsert } from './validate';

/*
 * The evaluation records the extension queues offline (docs/sync.md "Push"): conversation outcomes and media
 * coverage, checked by the same services as `threads.*` and `evaluations.*`; a refusal rejects the item with the
 * service's message.
 */

/** Run `apply` for item `id`: a TRPCError rejects the item with its message, anything else fails the push. */
async function itemByItem(batch: PushBatch, id: string, apply: () => Promise<void>): Promise<void> {
  try {
    await apply();
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    reject(batch, id, e.message);
  }
}

/**
 * Record each resolve or reopen, in batch order, after the interactions of the push (a thread logged in the same
 * batch can be resolved in it). An id already recorded is a replay: applied, nothing written.
 */
export async function applyThreadOutcomes(batch: PushBatch, ops: readonly OutcomeUpsert[]): Promise<void> {
  for (const op of ops) {
    await itemByItem(batch, op.id, async () => {
      const [prev] = await batch.tx
        .select({ orgId: threadOutcomes.orgId })
        .from(threadOutcomes)
        .where(eq(threadOutcomes.id, op.id));
      if (prev && prev.orgId !== batch.orgId)
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'this id is already used by another record; generate a new ULID',
        });
      if (!prev) {
        const { threadKey, event, at, note } = op.data;
        const outcome = { id: op.id, threadKey, event, at: fromIso(at), note: note ?? null };
        reserved(batch, (await recordOutcome(batch.tx, batch.user, outcome, batch.now)).seq);
      }
      accept(batch, op.id, 'thread_outcome');
    });
  }
}

/** Upsert or delete each coverage item: the new data wins (the item keeps who recorded it); staff only their own. */
export async function applyCoverage(batch: PushBatch, ops: readonly CoverageOp[]): Promise<void> {
  const { tx, user, now } = batch;
  for (const op of ops) {
    await itemByItem(batch, op.id, async () => {
      if (op.kind === 'delete') {
        const seq = await deleteCoverage(tx, user, op.id, now);
        if (seq !== null) reserved(batch, seq);
      } else {
        const saved = await saveCoverage(tx, user, op.data, await ownCoverage(tx, user, op.id), now);
        if (saved.written) reserved(batch, saved.row.seq);
      }
      accept(batch, op.id, 'coverage');
    });
  }
}
