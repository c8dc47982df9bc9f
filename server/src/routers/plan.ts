import { planSchema, storedPlanSchema } from '@comms-log/shared';
import { toIso } from '../iso';
import { recomputeOrg } from '../services/derive';
import { currentPlan, savePlan, type StoredPlanRow } from '../services/plans';
import { authedProcedure, managerProcedure, router } from '../trpc';

const toStored = (p: StoredPlanRow) => ({ version: p.version, updatedAt: toIso(p.createdAt), plan: p.plan });

export const planRouter = router({
  get: authedProcedure
    .output(storedPlanSchema)
    .query(async ({ ctx }) => toStored(await currentPlan(ctx.db, ctx.user.orgId))),

  /**
   * Store a new version of the plan. Stored response figures are NOT recomputed (docs/metrics.md "Working time": never silently);
   * see `recomputePreview` and `recompute`.
   */
  update: managerProcedure
    .input(planSchema)
    .output(storedPlanSchema)
    .mutation(async ({ ctx, input }) =>
      toStored(await ctx.db.transaction((tx) => savePlan(tx, ctx.user.orgId, input, ctx.user.id))),
    ),

  /** How many interactions' response figures the current plan would change. */
  recomputePreview: managerProcedure.query(async ({ ctx }) => {
    const { plan, version } = await currentPlan(ctx.db, ctx.user.orgId);
    const { changed, total } = await recomputeOrg(ctx.db, ctx.user.orgId, plan, { dryRun: true });
    return { version, changed, total };
  }),

  /** Recompute every stored response figure of the org under the current plan. */
  recompute: managerProcedure.mutation(async ({ ctx }) =>
    ctx.db.transaction(async (tx) => {
      const { plan, version } = await currentPlan(tx, ctx.user.orgId);
      const { changed, total } = await recomputeOrg(tx, ctx.user.orgId, plan, { dryRun: false });
      return { version, changed, total };
    }),
  ),
});
