import { periodReportInputSchema, periodReportSchema, reportGoalsSchema } from '@comms-log/shared';
import { reportGoals } from '../services/reports/goals/plan-vs-actual';
import { periodReport } from '../services/reports/period-report';
import { authedProcedure, router } from '../trpc';

/** Period reports. Staff get a report of their own interactions and stakeholders (`meta.scope: 'own'`). */
export const reportsRouter = router({
  period: authedProcedure
    .input(periodReportInputSchema)
    .output(periodReportSchema)
    .query(({ ctx, input }) => periodReport(ctx, input)),
  /** The plan-vs-actual part of `period` alone (the same figures), for the dashboard's goals view. */
  goals: authedProcedure
    .input(periodReportInputSchema)
    .output(reportGoalsSchema)
    .query(({ ctx, input }) => reportGoals(ctx, input)),
});
