import {
  costEntryInputSchema,
  costEntrySchema,
  costListInputSchema,
  costListResultSchema,
  coverageImportInputSchema,
  coverageImportReportSchema,
  coverageListInputSchema,
  coverageListResultSchema,
  mediaCoverageInputSchema,
  mediaCoverageSchema,
  mediaCoverageUpdateInputSchema,
  recordSurveyResultSchema,
  revenueInputSchema,
  revenueSchema,
  surveyImportInputSchema,
  surveyImportReportSchema,
  surveyListInputSchema,
  surveyListResultSchema,
  surveyResponseInputSchema,
} from '@comms-log/shared';
import { listCosts, recordCost, setRevenue } from '../services/evaluations/costs';
import { recordCoverage, updateCoverage } from '../services/evaluations/coverage';
import { importCoverageCsv } from '../services/evaluations/coverage-import';
import { listCoverage, listSurveys } from '../services/evaluations/lists';
import { importSurveysCsv } from '../services/evaluations/survey-import';
import { recordSurvey } from '../services/evaluations/surveys';
import { authedProcedure, managerProcedure, router } from '../trpc';

/**
 * Survey responses and media coverage: everyone records; staff see what they recorded, managers the org's. Cost
 * and revenue: managers and admins only.
 */
export const evaluationsRouter = router({
  /** One response; a low score with a stakeholder also creates a follow-up for its owner. */
  recordSurvey: authedProcedure
    .input(surveyResponseInputSchema)
    .output(recordSurveyResultSchema)
    .mutation(({ ctx, input }) => recordSurvey(ctx, input)),

  /** Responses from CSV, a report per row; `dryRun: true` gives the same report and writes nothing (the preview). */
  importSurveysCsv: authedProcedure
    .input(surveyImportInputSchema)
    .output(surveyImportReportSchema)
    .mutation(({ ctx, input }) => importSurveysCsv(ctx, input)),

  listSurveys: authedProcedure
    .input(surveyListInputSchema)
    .output(surveyListResultSchema)
    .query(({ ctx, input }) => listSurveys(ctx, input)),

  /** One media report; the outlet must be a media stakeholder of the org. */
  recordCoverage: authedProcedure
    .input(mediaCoverageInputSchema)
    .output(mediaCoverageSchema)
    .mutation(({ ctx, input }) => recordCoverage(ctx, input)),

  /** Change tone, reach, event tag, clarification, title or link (staff: items they recorded). */
  updateCoverage: authedProcedure
    .input(mediaCoverageUpdateInputSchema)
    .output(mediaCoverageSchema)
    .mutation(({ ctx, input }) => updateCoverage(ctx, input)),

  /** Media reports from CSV, a report per row; `dryRun: true` gives the same report and writes nothing (the preview). */
  importCoverageCsv: authedProcedure
    .input(coverageImportInputSchema)
    .output(coverageImportReportSchema)
    .mutation(({ ctx, input }) => importCoverageCsv(ctx, input)),

  listCoverage: authedProcedure
    .input(coverageListInputSchema)
    .output(coverageListResultSchema)
    .query(({ ctx, input }) => listCoverage(ctx, input)),

  /** One external-communication cost of a month. Admins and managers only: cost never reaches staff. */
  recordCost: managerProcedure
    .input(costEntryInputSchema)
    .output(costEntrySchema)
    .mutation(({ ctx, input }) => recordCost(ctx, input)),

  /** The org's revenue of a month (replaces the month's figure). Admins and managers only. */
  setRevenue: managerProcedure
    .input(revenueInputSchema)
    .output(revenueSchema)
    .mutation(({ ctx, input }) => setRevenue(ctx, input)),

  /** Cost entries and revenue of a range of months. Admins and managers only. */
  listCosts: managerProcedure
    .input(costListInputSchema)
    .output(costListResultSchema)
    .query(({ ctx, input }) => listCosts(ctx, input)),
});
