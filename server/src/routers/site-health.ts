import {
  siteHealthListResultSchema,
  siteHealthReportInputSchema,
  siteHealthReportResultSchema,
} from '@comms-log/shared';
import { listSiteHealth, reportSiteHealth } from '../services/site-health/report';
import { adminProcedure, authedProcedure, router } from '../trpc';

export const siteHealthRouter = router({
  /** Every user's extension reports its own counts after a sync. */
  report: authedProcedure
    .input(siteHealthReportInputSchema)
    .output(siteHealthReportResultSchema)
    .mutation(({ ctx, input }) => reportSiteHealth(ctx, input)),

  /** Admins see which site broke since when (Options, `pnpm cli health`). */
  list: adminProcedure.output(siteHealthListResultSchema).query(({ ctx }) => listSiteHealth(ctx)),
});
