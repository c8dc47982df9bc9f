import {
  planUpdateInputSchema,
  publicHolidaysInputSchema,
  publicHolidaysResultSchema,
  recomputeResultSchema,
  storedPlanSchema,
} from '@comms-log/shared';
import { getPlan, loadPublicHolidays, previewRecompute, recomputeUnderPlan, updatePlan } from '../services/plans';
import { authedProcedure, managerProcedure, router } from '../trpc';

export const planRouter = router({
  get: authedProcedure.output(storedPlanSchema).query(({ ctx }) => getPlan(ctx)),

  /**
   * Store a new version of the plan: the sections given replace the current ones; a `version` other than the current
   * one is refused (CONFLICT). Stored response figures are NOT recomputed (docs/metrics.md "Working time": never
   * silently); see `recomputePreview` and `recompute`.
   */
  update: managerProcedure
    .input(planUpdateInputSchema)
    .output(storedPlanSchema)
    .mutation(({ ctx, input }) => updatePlan(ctx, input)),

  /** A country's public holidays and make-up working days, for the calendar; nothing is stored. */
  publicHolidays: authedProcedure
    .input(publicHolidaysInputSchema)
    .output(publicHolidaysResultSchema)
    .query(({ ctx, input }) => loadPublicHolidays(ctx, input)),

  /** How many interactions' response figures the current plan would change. */
  recomputePreview: managerProcedure.output(recomputeResultSchema).query(({ ctx }) => previewRecompute(ctx)),

  /** Recompute every stored response figure of the org under the current plan. */
  recompute: managerProcedure.output(recomputeResultSchema).mutation(({ ctx }) => recomputeUnderPlan(ctx)),
});
