import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { nameSchema, roleSchema } from '@comms-log/shared';
import { users, type UserRow } from '../db/schema';
import { toIso } from '../iso';
import { createUser, DuplicateUserError } from '../services/orgs';
import { adminProcedure, managerProcedure, router } from '../trpc';

export const userCreateInputSchema = z.object({
  name: nameSchema,
  email: z.email('must be an email address').max(320),
  role: roleSchema.default('staff'),
});

export const userUpdateInputSchema = z.object({
  id: z.string().min(1).max(64),
  name: nameSchema.optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});

const toUser = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  active: u.active,
  createdAt: toIso(u.createdAt),
});

export const usersRouter = router({
  list: managerProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(users).where(eq(users.orgId, ctx.user.orgId)).orderBy(asc(users.name));
    return rows.map(toUser);
  }),

  create: adminProcedure.input(userCreateInputSchema).mutation(async ({ ctx, input }) => {
    try {
      return toUser(await createUser(ctx.db, { orgId: ctx.user.orgId, ...input }));
    } catch (e) {
      if (e instanceof DuplicateUserError) throw new TRPCError({ code: 'CONFLICT', message: e.message });
      throw e;
    }
  }),

  update: adminProcedure.input(userUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const where = and(eq(users.orgId, ctx.user.orgId), eq(users.id, input.id));
    const [user] = await ctx.db.select().from(users).where(where);
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: `No user with id ${input.id} in your org.` });
    // An admin locking themselves out would leave the org without anyone able to undo it.
    if (input.id === ctx.user.id && ((input.role && input.role !== 'admin') || input.active === false)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'You cannot remove your own admin role or deactivate yourself; ask another admin.',
      });
    }
    const set: Partial<UserRow> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.role !== undefined) set.role = input.role;
    if (input.active !== undefined) set.active = input.active;
    if (Object.keys(set).length) await ctx.db.update(users).set(set).where(where);
    return toUser({ ...user, ...set });
  }),
});
