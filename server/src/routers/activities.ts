import {
  activityInputSchema,
  activityListInputSchema,
  activityListResultSchema,
  activitySchema,
  activityUpdateInputSchema,
} from '@comms-log/shared';
import { createActivity, listActivities, updateActivity } from '../services/activities/activities';
import { authedProcedure, router } from '../trpc';

/** The communication calendar's planned activities: staff plan and see their own, managers the org's. */
export const activitiesRouter = router({
  create: authedProcedure
    .input(activityInputSchema)
    .output(activitySchema)
    .mutation(({ ctx, input }) => createActivity(ctx, input)),

  /** Change the fields given; `status: 'held'` with `heldInteractionId` links the interaction logged for it. */
  update: authedProcedure
    .input(activityUpdateInputSchema)
    .output(activitySchema)
    .mutation(({ ctx, input }) => updateActivity(ctx, input)),

  list: authedProcedure
    .input(activityListInputSchema)
    .output(activityListResultSchema)
    .query(({ ctx, input }) => listActivities(ctx, input)),
});
