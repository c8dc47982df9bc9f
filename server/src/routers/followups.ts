import { z } from 'zod';
import {
  closureListInputSchema,
  closureListResultSchema,
  followupInputSchema,
  followupListInputSchema,
  followupSchema,
  isoDateTimeSchema,
  overdueInputSchema,
  overdueResultSchema,
  snoozeInputSchema,
  waitClosureInputSchema,
} from '@comms-log/shared';
import {
  closeWait,
  completeFollowup,
  createFollowup,
  listClosures,
  listFollowups,
  overdueList,
  snoozeItem,
} from '../services/followups';
import { authedProcedure, managerProcedure, router } from '../trpc';

const idInputSchema = z.object({ id: z.string().min(1).max(64) });

/** Follow-ups: the overdue list (popup), reminders, snoozes and "no reply needed". Staff act on their own items only. */
export const followupsRouter = router({
  overdue: authedProcedure
    .input(overdueInputSchema.default({ team: false }))
    .output(overdueResultSchema)
    .query(({ ctx, input }) => overdueList(ctx, input)),
  list: authedProcedure
    .input(followupListInputSchema.default({ cursor: null, limit: 50 }))
    .output(z.object({ items: z.array(followupSchema), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listFollowups(ctx, input)),
  create: authedProcedure
    .input(followupInputSchema)
    .output(followupSchema)
    .mutation(({ ctx, input }) => createFollowup(ctx, input)),
  complete: authedProcedure
    .input(idInputSchema)
    .output(followupSchema)
    .mutation(({ ctx, input }) => completeFollowup(ctx, input.id)),
  snooze: authedProcedure
    .input(snoozeInputSchema)
    .output(z.object({ kind: snoozeInputSchema.shape.kind, id: z.string(), until: isoDateTimeSchema }))
    .mutation(({ ctx, input }) => snoozeItem(ctx, input)),
  closeWait: authedProcedure
    .input(waitClosureInputSchema)
    .output(z.object({ interactionId: z.string(), status: z.literal('closed') }))
    .mutation(({ ctx, input }) => closeWait(ctx, input)),
  closures: managerProcedure
    .input(closureListInputSchema.default({ cursor: null, limit: 50 }))
    .output(closureListResultSchema)
    .query(({ ctx, input }) => listClosures(ctx, input)),
});
