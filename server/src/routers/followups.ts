import {
  closureListInputSchema,
  closureListResultSchema,
  followupIdInputSchema,
  followupInputSchema,
  followupListInputSchema,
  followupListResultSchema,
  followupSchema,
  overdueInputSchema,
  overdueResultSchema,
  snoozeInputSchema,
  snoozeResultSchema,
  teamFollowupsInputSchema,
  teamFollowupsResultSchema,
  waitClosureInputSchema,
  waitClosureResultSchema,
} from '@comms-log/shared';
import { closeWait } from '../services/followups/close-wait';
import { listClosures, listFollowups } from '../services/followups/lists';
import { overdueList } from '../services/followups/overdue';
import { completeFollowup, createFollowup } from '../services/followups/reminders';
import { snoozeItem } from '../services/followups/snooze';
import { teamFollowups } from '../services/followups/team';
import { authedProcedure, managerProcedure, router } from '../trpc';

/** Follow-ups: the overdue list (popup), reminders, snoozes and "no reply needed". Staff act on their own items only. */
export const followupsRouter = router({
  overdue: authedProcedure
    .input(overdueInputSchema.default({ team: false }))
    .output(overdueResultSchema)
    .query(({ ctx, input }) => overdueList(ctx, input)),
  list: authedProcedure
    .input(followupListInputSchema.default({ cursor: null, limit: 50 }))
    .output(followupListResultSchema)
    .query(({ ctx, input }) => listFollowups(ctx, input)),
  create: authedProcedure
    .input(followupInputSchema)
    .output(followupSchema)
    .mutation(({ ctx, input }) => createFollowup(ctx, input)),
  complete: authedProcedure
    .input(followupIdInputSchema)
    .output(followupSchema)
    .mutation(({ ctx, input }) => completeFollowup(ctx, input)),
  snooze: authedProcedure
    .input(snoozeInputSchema)
    .output(snoozeResultSchema)
    .mutation(({ ctx, input }) => snoozeItem(ctx, input)),
  closeWait: authedProcedure
    .input(waitClosureInputSchema)
    .output(waitClosureResultSchema)
    .mutation(({ ctx, input }) => closeWait(ctx, input)),
  closures: managerProcedure
    .input(closureListInputSchema.default({ cursor: null, limit: 50 }))
    .output(closureListResultSchema)
    .query(({ ctx, input }) => listClosures(ctx, input)),
  /** Managers: the team's list (or one person's), computed here and paged per group; the extension keeps no org copy. */
  team: managerProcedure
    .input(teamFollowupsInputSchema.default({ cursor: null, limit: 50 }))
    .output(teamFollowupsResultSchema)
    .query(({ ctx, input }) => teamFollowups(ctx, input)),
});
