import { settingsSchema, settingsUpdateInputSchema } from '@comms-log/shared';
import { readSettings, updateSettings } from '../services/org/settings';
import { authedProcedure, router } from '../trpc';

export const settingsRouter = router({
  get: authedProcedure.output(settingsSchema).query(({ ctx }) => readSettings(ctx)),

  update: authedProcedure
    .input(settingsUpdateInputSchema)
    .output(settingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx, input)),
});
