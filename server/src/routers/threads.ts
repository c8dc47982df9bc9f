import {
  threadDetailSchema,
  threadGetInputSchema,
  threadReopenInputSchema,
  threadResolveInputSchema,
} from '@comms-log/shared';
import { getThread, reopenThread, resolveThread } from '../services/threads/threads';
import { authedProcedure, router } from '../trpc';

/** Conversation outcomes: staff act on the threads they logged a message in, managers on the org's. */
export const threadsRouter = router({
  /** The thread's state and its history of resolves and reopens. */
  get: authedProcedure
    .input(threadGetInputSchema)
    .output(threadDetailSchema)
    .query(({ ctx, input }) => getThread(ctx, input)),

  /** Mark it resolved at `resolvedAt` (≤ now, ≥ its first message); refused when it is resolved already. */
  resolve: authedProcedure
    .input(threadResolveInputSchema)
    .output(threadDetailSchema)
    .mutation(({ ctx, input }) => resolveThread(ctx, input)),

  /** Reopen a resolved thread at `reopenedAt` (default now). */
  reopen: authedProcedure
    .input(threadReopenInputSchema)
    .output(threadDetailSchema)
    .mutation(({ ctx, input }) => reopenThread(ctx, input)),
});
