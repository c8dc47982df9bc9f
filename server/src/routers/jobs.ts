import { jobIdInputSchema, jobListInputSchema, jobListResultSchema, jobSchema } from '@comms-log/shared';
import { getJob, listMyJobs } from '../services/jobs/read';
import { authedProcedure, router } from '../trpc';

/** Long jobs' progress (docs/api.md "jobs"): each user sees only the jobs they started. */
export const jobsRouter = router({
  get: authedProcedure
    .input(jobIdInputSchema)
    .output(jobSchema)
    .query(({ ctx, input }) => getJob(ctx, input)),

  list: authedProcedure
    .input(jobListInputSchema)
    .output(jobListResultSchema)
    .query(({ ctx, input }) => listMyJobs(ctx, input)),
});
