import { pullInputSchema, pullResultSchema, pushInputSchema, pushResultSchema } from '@comms-log/shared';
import { pull, push } from '../services/sync';
import { authedProcedure, router } from '../trpc';

export const syncRouter = router({
  /** Apply a batch of outbox changes (≤ 500): valid items apply atomically, bad ones come back in `rejected`. */
  push: authedProcedure
    .input(pushInputSchema)
    .output(pushResultSchema)
    .mutation(({ ctx, input }) => (ctx.pushWriter?.running ? ctx.pushWriter.push(ctx.user, input) : push(ctx, input))),

  /** Changes after `cursor` (the org change sequence), paged, limited to what the caller may see. */
  pull: authedProcedure
    .input(pullInputSchema)
    .output(pullResultSchema)
    .query(({ ctx, input }) => pull(ctx, input)),
});
