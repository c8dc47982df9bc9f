import {
  periodReportInputSchema,
  periodReportSchema,
  reportCompareInputSchema,
  reportComparisonSchema,
  reportEditionRefSchema,
  reportEditionSchema,
  reportEditionSummarySchema,
  reportGoalsSchema,
  reportListInputSchema,
  reportSaveInputSchema,
} from '@comms-log/shared';
import { z } from 'zod';
import { buildReport } from '../services/jobs/report-build';
import { compareEditions, getEdition, listEditions } from '../services/reports/editions';
import { authedProcedure, managerProcedure, router } from '../trpc';

/**
 * Period reports. Staff get a report of their own interactions and stakeholders (`meta.scope: 'own'`). Saved
 * editions are the organisation's documents: managers save, list, read and compare them. Building a report (period,
 * goals, save) is a job of the caller's, run off the request path (services/jobs/report-build.ts).
 */
export const reportsRouter = router({
  period: authedProcedure
    .input(periodReportInputSchema)
    .output(periodReportSchema)
    .query(({ ctx, input }) => buildReport(ctx, 'period', input)),
  /** The plan-vs-actual part of `period` alone (the same figures), for the dashboard's goals view. */
  goals: authedProcedure
    .input(periodReportInputSchema)
    .output(reportGoalsSchema)
    .query(({ ctx, input }) => buildReport(ctx, 'goals', input)),
  save: managerProcedure
    .input(reportSaveInputSchema)
    .output(reportEditionSchema)
    .mutation(({ ctx, input }) => buildReport(ctx, 'save', input)),
  list: managerProcedure
    .input(reportListInputSchema)
    .output(z.array(reportEditionSummarySchema))
    .query(({ ctx, input }) => listEditions(ctx, input)),
  get: managerProcedure
    .input(reportEditionRefSchema)
    .output(reportEditionSchema)
    .query(({ ctx, input }) => getEdition(ctx, input)),
  compare: managerProcedure
    .input(reportCompareInputSchema)
    .output(reportComparisonSchema)
    .query(({ ctx, input }) => compareEditions(ctx, input)),
});
