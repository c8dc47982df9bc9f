import { planSchema, storedPlanSchema } from '@comms-log/shared';
import { getPlan, previewRecompute, recomputeUnderPlan, updatePlan } from '../services/plans';
import { authedProcedure, managerProcedure, router } from '../trpc';

export const planRouter = router({
  get: authedProcedure.output(storedPlanSchema).query(({ ctx }) => getPlan(ctx)),

  /**
   * Store a new version of the plan. Stored response figures are NOT recomputed (docs/metrics.md "Working time": never silently);
   * see `recomputePreview` and `recompute`.
   */
  update: managerProcedure
    .input(planSchema)
    .output(storedPlanSchema)
    .mutation(({ ctx, input }) => updatePlan(ctx, input)),

  /** How many interactions' response figures the current plan would change. */
  recomputePreview: managerProcedure.query(({ ctx }) => previewRecompute(ctx)),

  /** Recompute every stored response figure of the org under the current plan. */
  recompute: managerProcedure.mutation(({ ctx }) => recomputeUnderPlan(ctx)),
});
