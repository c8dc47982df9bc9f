import { z } from 'zod';
import { ulidSchema } from './common';
import { importCsvInputSchema } from './directory';

/*
 * Long jobs (docs/api.md "jobs"): a stakeholder import's preview or apply, a plan recompute, a report build. The server keeps each
 * job's progress while it runs and a while after, for the person who started it.
 */

export const jobKindSchema = z.enum(['stakeholderImportPreview', 'stakeholderImport', 'planRecompute', 'reportBuild']);
export type JobKind = z.infer<typeof jobKindSchema>;

/** What the job is doing: reading what it needs, checking rows, writing them; `done` once it has ended. */
export const jobPhaseSchema = z.enum(['reading', 'checking', 'writing', 'done']);
export type JobPhase = z.infer<typeof jobPhaseSchema>;

export const jobStateSchema = z.enum(['running', 'finished', 'failed']);
export type JobState = z.infer<typeof jobStateSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  state: jobStateSchema,
  phase: jobPhaseSchema,
  /** Steps of the phase done, out of `total` (rows; interactions for a recompute; parts for a report); 0 of 0 while unknown. */
  done: z.number().int(),
  total: z.number().int(),
  /** Why it failed, in plain words; null unless `failed`. */
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** `jobs.get`: one of the caller's own jobs. */
export const jobIdInputSchema = z.strictObject({ id: ulidSchema });
export type JobIdInput = z.infer<typeof jobIdInputSchema>;

/** `jobs.list`: the caller's jobs, newest first; `running` keeps only those still running. */
export const jobListInputSchema = z.strictObject({ running: z.boolean().optional() });
export type JobListInput = z.infer<typeof jobListInputSchema>;
export const jobListResultSchema = z.object({ items: z.array(jobSchema) });
export type JobListResult = z.infer<typeof jobListResultSchema>;

/**
 * `directory.importCsv`'s input: the CSV import's fields, and `jobId`, a ULID the caller makes up so that it can
 * follow the import with `jobs.get` while it runs.
 */
export const stakeholderImportInputSchema = importCsvInputSchema.extend({ jobId: ulidSchema.optional() });
export type StakeholderImportInput = z.input<typeof stakeholderImportInputSchema>;
