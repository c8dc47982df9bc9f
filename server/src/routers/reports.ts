import { periodReportInputSchema, periodReportSchema } from '@comms-log/shared';
import { periodReport } from '../services/reports';
import { authedProcedure, router } from '../trpc';

/** Period reports. Staff get a report of their own interactions and stakeholders (`meta.scope: 'own'`). */
export const reportsRouter = router({
  period: authedProcedure
    .input(periodReportInputSchema)
    .output(periodReportSchema)
    .query(({ ctx, input }) => periodReport(ctx, input)),
});
