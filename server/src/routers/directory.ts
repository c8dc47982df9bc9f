import { z } from 'zod';
import {
  assignHandleInputSchema,
  assignHandleResultSchema,
  cadenceOverrideSchema,
  directoryMergeInputSchema,
  dismissHandleInputSchema,
  dismissHandleResultSchema,
  importCsvInputSchema,
  importReportSchema,
  identityInputSchema,
  matchInputSchema,
  matchResultSchema,
  nameSchema,
  stakeholderInputSchema,
  stakeholderSchema,
  stakeholderTypeSchema,
  suggestionsInputSchema,
  suggestionsResultSchema,
  tierSchema,
} from '@comms-log/shared';
import {
  addIdentity,
  createStakeholder,
  getStakeholder,
  listStakeholders,
  matchHandles,
  removeIdentity,
  updateStakeholder,
} from '../services/directory';
import { mergeStakeholders } from '../services/directory-merge';
import { importStakeholdersCsv } from '../services/stakeholder-import';
import { assignHandle, dismissHandle, listSuggestions, undismissHandle } from '../services/suggestions';
import { authedProcedure, managerProcedure, router } from '../trpc';

const idSchema = z.string().min(1).max(64);

export const directoryListInputSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    type: z.array(stakeholderTypeSchema).max(10).optional(),
    active: z.boolean().optional(),
    ownerUserId: z.string().max(64).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .default({ offset: 0, limit: 50 });

/** Only the fields given change; `identities`, when given, replaces the whole list. */
export const directoryUpdateInputSchema = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  type: stakeholderTypeSchema.optional(),
  tier: tierSchema.optional(),
  organization: z.string().trim().max(200).nullable().optional(),
  ownerUserId: z.string().max(64).nullable().optional(),
  cadenceOverride: cadenceOverrideSchema.nullable().optional(),
  active: z.boolean().optional(),
  identities: z.array(identityInputSchema).max(50).optional(),
});

/** The CSV text itself, 1 MiB at most (the request body limit), and `dryRun` (now in shared). */
export { importCsvInputSchema };

export const directoryRouter = router({
  list: authedProcedure
    .input(directoryListInputSchema)
    .query(({ ctx, input }) => listStakeholders(ctx.db, ctx.user.orgId, input)),

  get: authedProcedure
    .input(z.object({ id: idSchema }))
    .output(stakeholderSchema)
    .query(({ ctx, input }) => getStakeholder(ctx.db, ctx.user.orgId, input.id)),

  /** Anyone may add a stakeholder (staff meet new contacts while logging). */
  create: authedProcedure
    .input(stakeholderInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => {
      const { identities, ...fields } = input;
      return ctx.db.transaction((tx) => createStakeholder(tx, ctx.user.orgId, fields, identities));
    }),

  update: managerProcedure
    .input(directoryUpdateInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => {
      const { id, identities, ...patch } = input;
      return ctx.db.transaction((tx) =>
        updateStakeholder(
          tx,
          ctx.user.orgId,
          id,
          patch,
          identities ? { mode: 'replace', list: identities } : undefined,
        ),
      );
    }),

  /** Soft delete: the stakeholder becomes inactive (history keeps pointing at it). */
  delete: managerProcedure
    .input(z.object({ id: idSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => updateStakeholder(tx, ctx.user.orgId, input.id, { active: false })),
    ),

  /** Anyone may link a handle to a stakeholder (e.g. a new address of a known customer); removing is for managers. */
  addIdentity: authedProcedure
    .input(z.object({ stakeholderId: idSchema, identity: identityInputSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => addIdentity(tx, ctx.user.orgId, input.stakeholderId, input.identity)),
    ),

  removeIdentity: managerProcedure
    .input(z.object({ id: idSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => removeIdentity(tx, ctx.user.orgId, input.id))),

  match: authedProcedure
    .input(matchInputSchema)
    .output(matchResultSchema)
    .query(({ ctx, input }) => matchHandles(ctx.db, ctx.user.orgId, input.handles)),

  /** `dryRun: true` gives the same per-row report and writes nothing (the import's preview). */
  importCsv: managerProcedure
    .input(importCsvInputSchema)
    .output(importReportSchema)
    .mutation(({ ctx, input }) => importStakeholdersCsv(ctx.db, ctx.user.orgId, input.csv, { dryRun: input.dryRun })),

  /** Fold `mergeId` into `keepId` (its identities, interactions, follow-ups, cadence snoozes); returns the kept one. */
  merge: managerProcedure
    .input(directoryMergeInputSchema)
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => mergeStakeholders(ctx.db, ctx.user.orgId, input)),

  /** The queue of unknown counterparts seen in logged threads. */
  suggestions: managerProcedure
    .input(suggestionsInputSchema)
    .output(suggestionsResultSchema)
    .query(({ ctx, input }) => listSuggestions(ctx.db, ctx.user.orgId, input)),

  assignHandle: managerProcedure
    .input(assignHandleInputSchema)
    .output(assignHandleResultSchema)
    .mutation(({ ctx, input }) => assignHandle(ctx.db, ctx.user.orgId, input)),

  dismissHandle: managerProcedure
    .input(dismissHandleInputSchema)
    .output(dismissHandleResultSchema)
    .mutation(({ ctx, input }) => dismissHandle(ctx.db, ctx.user.orgId, ctx.user.id, input)),

  undismissHandle: managerProcedure
    .input(dismissHandleInputSchema)
    .output(dismissHandleResultSchema)
    .mutation(({ ctx, input }) => undismissHandle(ctx.db, ctx.user.orgId, input)),
});
