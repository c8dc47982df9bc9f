import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { overdueInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { assertOwnFilter } from '../metrics/scope';
import { isManager, type ServiceCtx } from '../service-ctx';

async function assertUserInOrg(ctx: ServiceCtx, userId: string): Promise<void> {
  const [u] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, ctx.user.orgId), eq(users.id, userId)));
  if (!u) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no user ${userId} in your org.` });
}

/** Whose list the caller asks for: staff always their own; managers another user's, or the team's (null). */
export async function listOwner(
  ctx: ServiceCtx,
  input: Partial<Pick<z.output<typeof overdueInputSchema>, 'userId' | 'team'>>,
): Promise<string | null> {
  const { user } = ctx;
  if (!isManager(user)) {
    if (input.team) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: "Staff see only their own follow-ups. Ask a manager for the team's list.",
      });
    }
    assertOwnFilter(user, input.userId === undefined ? undefined : [input.userId]);
    return user.id;
  }
  if (input.team) return null;
  if (input.userId && input.userId !== user.id) {
    await assertUserInOrg(ctx, input.userId);
    return input.userId;
  }
  return user.id;
}
