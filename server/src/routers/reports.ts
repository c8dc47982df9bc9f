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
import { compareEditions, getEdition, listEditions, saveEdition } from '../services/reports/editions';
import { reportGoals } from '../services/reports/goals/plan-vs-actual';
import { periodReport } from '../services/reports/period-report';
import { authedProcedure, managerProcedure, router } from '../trpc';

/**
 * Period reports. Staff get a report of their own interactions and stakeholders (`meta.scope: 'own'`). Saved
 * editions are the organisation's documents: managers save, list, read and compare them.
 */
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
  save: managerProcedure
    .input(reportSaveInputSchema)
    .output(reportEditionSchema)
    .mutation(({ ctx, input }) => saveEdition(ctx, input)),
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
