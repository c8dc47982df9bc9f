import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { Role, userCreateInputSchema, userUpdateInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { users, type UserRow } from '../../db/schema';
import { toIso } from '../../iso';
import { record } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';

export class DuplicateUserError extends Error {}

/** Add a user to an org (provisioning: the CLI, the first start and the demo call it with no user acting). */
export async function createUser(
  db: DbOrTx,
  input: { orgId: string; name: string; email: string; role: Role },
  now = Date.now(),
): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, input.orgId), eq(users.email, email)));
  if (existing) throw new DuplicateUserError(`A user with the email ${email} already exists in this org.`);
  const row: UserRow = {
    id: ulid(now),
    orgId: input.orgId,
    name: input.name.trim(),
    email,
    role: input.role,
    active: true,
    createdAt: now,
  };
  await db.insert(users).values(row);
  return row;
}

const toUser = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  active: u.active,
  createdAt: toIso(u.createdAt),
});

/** The org's users by name. */
export async function listUsers(ctx: ServiceCtx) {
  const rows = await ctx.db.select().from(users).where(eq(users.orgId, ctx.user.orgId)).orderBy(asc(users.name));
  return rows.map(toUser);
}

/** Add a user to the caller's org; CONFLICT when the email is taken there. */
export async function addUser(ctx: ServiceCtx, input: z.output<typeof userCreateInputSchema>) {
  try {
    const user = await createUser(ctx.db, { orgId: ctx.user.orgId, ...input }, nowOf(ctx));
    await record(ctx, { action: 'user.create', target: user.id, detail: { email: user.email, role: user.role } });
    return toUser(user);
  } catch (e) {
    if (e instanceof DuplicateUserError) throw new TRPCError({ code: 'CONFLICT', message: e.message });
    throw e;
  }
}

/** Change a user's name, role or active flag; an admin may not demote or deactivate themselves. */
export async function updateUser(ctx: ServiceCtx, input: z.output<typeof userUpdateInputSchema>) {
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
  if (Object.keys(set).length) {
    await ctx.db.update(users).set(set).where(where);
    const from = Object.fromEntries(Object.keys(set).map((k) => [k, user[k as keyof UserRow]]));
    await record(ctx, { action: 'user.update', target: user.id, detail: { from, to: set } });
  }
  return toUser({ ...user, ...set });
}
