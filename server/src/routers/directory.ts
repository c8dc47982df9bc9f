import { z } from 'zod';
import {
  cadenceOverrideSchema,
  identityInputSchema,
  matchInputSchema,
  matchResultSchema,
  nameSchema,
  stakeholderInputSchema,
  stakeholderSchema,
  stakeholderTypeSchema,
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
import { importStakeholdersCsv } from '../services/stakeholder-import';
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

/** The CSV text itself; 1 MiB at most (the request body limit). */
export const importCsvInputSchema = z.object({ csv: z.string().min(1).max(1024 * 1024, 'the CSV can be at most 1 MiB') });

export const directoryRouter = router({
  list: authedProcedure.input(directoryListInputSchema).query(({ ctx, input }) => listStakeholders(ctx.db, ctx.user.orgId, input)),

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
        updateStakeholder(tx, ctx.user.orgId, id, patch, identities ? { mode: 'replace', list: identities } : undefined),
      );
    }),

  /** Soft delete: the stakeholder becomes inactive (history keeps pointing at it). */
  delete: managerProcedure
    .input(z.object({ id: idSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => updateStakeholder(tx, ctx.user.orgId, input.id, { active: false }))),

  /** Anyone may link a handle to a stakeholder (e.g. a new address of a known customer); removing is for managers. */
  addIdentity: authedProcedure
    .input(z.object({ stakeholderId: idSchema, identity: identityInputSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => addIdentity(tx, ctx.user.orgId, input.stakeholderId, input.identity))),

  removeIdentity: managerProcedure
    .input(z.object({ id: idSchema }))
    .output(stakeholderSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => removeIdentity(tx, ctx.user.orgId, input.id))),

  match: authedProcedure
    .input(matchInputSchema)
    .output(matchResultSchema)
    .query(({ ctx, input }) => matchHandles(ctx.db, ctx.user.orgId, input.handles)),

  importCsv: managerProcedure.input(importCsvInputSchema).mutation(({ ctx, input }) => importStakeholdersCsv(ctx.db, ctx.user.orgId, input.csv)),
});
