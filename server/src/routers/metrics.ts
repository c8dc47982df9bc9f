import {
  cadenceListInputSchema,
  cadenceListResultSchema,
  coverageInputSchema,
  coverageResultSchema,
  metricsInteractionsInputSchema,
  metricsInteractionsResultSchema,
  metricsThreadsInputSchema,
  metricsThreadsResultSchema,
  responseTimesInputSchema,
  responseTimesResultSchema,
  totalsInputSchema,
  totalsResultSchema,
} from '@comms-log/shared';
import { metricsCadence } from '../services/metrics/cadence-list';
import { metricsCoverage } from '../services/metrics/coverage';
import { metricsInteractions } from '../services/metrics/interactions';
import { metricsResponseTimes } from '../services/metrics/response-times';
import { metricsThreads } from '../services/metrics/threads';
import { metricsTotals } from '../services/metrics/totals';
import { authedProcedure, router } from '../trpc';

/** Dashboard figures. Every signed-in user may ask; staff get their own figures only (see `scopeFilter`). */
export const metricsRouter = router({
  totals: authedProcedure
    .input(totalsInputSchema)
    .output(totalsResultSchema)
    .query(({ ctx, input }) => metricsTotals(ctx, input)),
  responseTimes: authedProcedure
    .input(responseTimesInputSchema)
    .output(responseTimesResultSchema)
    .query(({ ctx, input }) => metricsResponseTimes(ctx, input)),
  coverage: authedProcedure
    .input(coverageInputSchema.default({}))
    .output(coverageResultSchema)
    .query(({ ctx, input }) => metricsCoverage(ctx, input)),
  /** Every active stakeholder with a cadence rule: its state and last contact (staff: the ones they own). */
  cadence: authedProcedure
    .input(cadenceListInputSchema)
    .output(cadenceListResultSchema)
    .query(({ ctx, input }) => metricsCadence(ctx, input)),
  interactions: authedProcedure
    .input(metricsInteractionsInputSchema)
    .output(metricsInteractionsResultSchema)
    .query(({ ctx, input }) => metricsInteractions(ctx, input)),
  /** The conversations opened in the period with their outcome: the drill-down of the resolution goals. */
  threads: authedProcedure
    .input(metricsThreadsInputSchema)
    .output(metricsThreadsResultSchema)
    .query(({ ctx, input }) => metricsThreads(ctx, input)),
});
