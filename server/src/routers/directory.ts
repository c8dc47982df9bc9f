import {
  addIdentityInputSchema,
  assignHandleInputSchema,
  assignHandleResultSchema,
  directoryIdInputSchema,
  directoryListInputSchema,
  directoryListResultSchema,
  directoryMergeInputSchema,
  directoryUpdateInputSchema,
  dismissHandleInputSchema,
  dismissHandleResultSchema,
  importReportSchema,
  matchInputSchema,
  matchResultSchema,
  stakeholderInputSchema,
  stakeholderImportInputSchema,
  stakeholderSchema,
  suggestionsInputSchema,
  suggestionsResultSchema,
} from '@comms-log/shared';
import { importStakeholdersCsv } from '../services/directory/import';
import { matchHandles } from '../services/directory/match';
import { mergeStakeholders } from '../services/directory/merge';
import {
  addIdentity,
  createStakeholder,
  deactivateStakeholder,
  getStakeholder,
  listStakeholders,
  removeIdentity,
  updateStakeholder,
} from '../services/directory/stakeholders';
import { assignHandle, dismissHandle, listSuggestions, undismissHandle } from '../services/directory/suggestions';
import { authedProcedure, managerProcedure, router } from '../trpc';

export const directoryRouter = router({
  list: authedProcedure
    .input(directoryListInputSchema)
    .output(directoryListResultSchema)
    .query(({ ctx, input }) => listStakeholders(ctx, input)),

  get: authedProcedure
    .input(directoryIdInputSchema)
    .output(stakeholderSchema)
    .query(({ ctx, input }) => getStakeholder(ctx, input)),

  /** Anyone may add a stakeholder (staff meet new contacts while logging). */
  create: authedProcedure
    .input(stakeholderInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => createStakeholder(ctx, input)),

  update: managerProcedure
    .input(directoryUpdateInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => updateStakeholder(ctx, input)),

  /** Soft delete: the stakeholder becomes inactive (history keeps pointing at it). */
  delete: managerProcedure
    .input(directoryIdInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => deactivateStakeholder(ctx, input)),

  /** Anyone may link a handle to a stakeholder (e.g. a new address of a known customer); removing is for managers. */
  addIdentity: authedProcedure
    .input(addIdentityInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => addIdentity(ctx, input)),

  removeIdentity: managerProcedure
    .input(directoryIdInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => removeIdentity(ctx, input)),

  match: authedProcedure
    .input(matchInputSchema)
    .output(matchResultSchema)
    .query(({ ctx, input }) => matchHandles(ctx, input)),

  /**
   * `dryRun: true` gives the same per-row report and writes nothing (the import's preview). Runs as a job of the
   * caller's: with `jobId` (a ULID the caller makes up), `jobs.get` shows its progress meanwhile.
   */
  importCsv: managerProcedure
    .input(stakeholderImportInputSchema)
    .output(importReportSchema)
    .mutation(({ ctx, input }) => importStakeholdersCsv(ctx, input)),

  /** Fold `mergeId` into `keepId` (its identities, interactions, follow-ups, cadence snoozes); returns the kept one. */
  merge: managerProcedure
    .input(directoryMergeInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => mergeStakeholders(ctx, input)),

  /** The queue of unknown counterparts seen in logged threads. */
  suggestions: managerProcedure
    .input(suggestionsInputSchema)
    .output(suggestionsResultSchema)
    .query(({ ctx, input }) => listSuggestions(ctx, input)),

  assignHandle: managerProcedure
    .input(assignHandleInputSchema)
    .output(assignHandleResultSchema)
    .mutation(({ ctx, input }) => assignHandle(ctx, input)),

  dismissHandle: managerProcedure
    .input(dismissHandleInputSchema)
    .output(dismissHandleResultSchema)
    .mutation(({ ctx, input }) => dismissHandle(ctx, input)),

  undismissHandle: managerProcedure
    .input(dismissHandleInputSchema)
    .output(dismissHandleResultSchema)
    .mutation(({ ctx, input }) => undismissHandle(ctx, input)),
});
