import { TRPCError } from '@trpc/server';
import type { Job, JobListResult, jobIdInputSchema, jobListInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import type { ServiceCtx } from '../service-ctx';
import { listJobs, readJob } from './registry';

/** `jobs.get`: one of the caller's jobs; NOT_FOUND for another user's, an ended one forgotten, or another process's. */
export function getJob(ctx: ServiceCtx, input: z.output<typeof jobIdInputSchema>): Job {
  const job = readJob(ctx.user.id, input.id);
  if (!job)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `No job ${input.id} of yours on this server: it never started here, or it ended more than 15 minutes ago.`,
    });
  return job;
}

/** `jobs.list`: the caller's jobs on this server, newest first. */
export function listMyJobs(ctx: ServiceCtx, input: z.output<typeof jobListInputSchema>): JobListResult {
  return { items: listJobs(ctx.user.id, input) };
}
