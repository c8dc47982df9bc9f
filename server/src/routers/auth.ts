import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { whoamiSchema } from '@comms-log/shared';
import { apiTokens, orgs, users } from '../db/schema';
import { issueToken } from '../auth/tokens';
import { toIso, toIsoOrNull } from '../iso';
import { authedProcedure, router } from '../trpc';

export const tokenListInputSchema = z
  .object({
    /** Admins: only this user's tokens (default: the whole org's). Others always see their own. */
    userId: z.string().max(64).optional(),
    includeRevoked: z.boolean().default(true),
  })
  .default({ includeRevoked: true });

export const tokenCreateInputSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name, e.g. "laptop extension"').max(100),
  /** Admins may issue a token for another user of the org. */
  userId: z.string().max(64).optional(),
});

export const tokenRevokeInputSchema = z.object({ id: z.string().min(1).max(64) });

export const authRouter = router({
  whoami: authedProcedure.output(whoamiSchema).query(async ({ ctx }) => {
    const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, ctx.user.orgId));
    if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your org no longer exists.' });
    return {
      user: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, role: ctx.user.role },
      org: { id: org.id, name: org.name, timeZone: org.timeZone, captureLevel: org.captureLevel },
    };
  }),

  tokens: router({
    list: authedProcedure.input(tokenListInputSchema).query(async ({ ctx, input }) => {
      const isAdmin = ctx.user.role === 'admin';
      const userId = isAdmin ? input.userId : ctx.user.id;
      const rows = await ctx.db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          hint: apiTokens.hint,
          userId: apiTokens.userId,
          userName: users.name,
          userEmail: users.email,
          createdAt: apiTokens.createdAt,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.orgId, ctx.user.orgId), userId ? eq(apiTokens.userId, userId) : undefined))
        .orderBy(desc(apiTokens.createdAt));
      return rows
        .filter((r) => input.includeRevoked || r.revokedAt === null)
        .map((r) => ({
          ...r,
          createdAt: toIso(r.createdAt),
          lastUsedAt: toIsoOrNull(r.lastUsedAt),
          revokedAt: toIsoOrNull(r.revokedAt),
          current: r.id === ctx.user.tokenId,
        }));
    }),

    /** Issue a token. The token is in this answer only: it is stored hashed. */
    create: authedProcedure.input(tokenCreateInputSchema).mutation(async ({ ctx, input }) => {
      const userId = input.userId ?? ctx.user.id;
      if (userId !== ctx.user.id && ctx.user.role !== 'admin') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an admin can issue tokens for other users.' });
      }
      const [owner] = await ctx.db
        .select({ id: users.id, active: users.active })
        .from(users)
        .where(and(eq(users.orgId, ctx.user.orgId), eq(users.id, userId)));
      if (!owner) throw new TRPCError({ code: 'NOT_FOUND', message: `No user with id ${userId} in your org.` });
      if (!owner.active)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'This user is deactivated: reactivate them first.' });
      const issued = await issueToken(ctx.db, { orgId: ctx.user.orgId, userId, name: input.name });
      return { ...issued, createdAt: toIso(issued.createdAt) };
    }),

    /** Revoke a token: it is refused from the next request on. */
    revoke: authedProcedure.input(tokenRevokeInputSchema).mutation(async ({ ctx, input }) => {
      const [token] = await ctx.db
        .select({ id: apiTokens.id, userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
        .from(apiTokens)
        .where(and(eq(apiTokens.orgId, ctx.user.orgId), eq(apiTokens.id, input.id)));
      if (!token || (token.userId !== ctx.user.id && ctx.user.role !== 'admin')) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No token with id ${input.id} that you can revoke.` });
      }
      const revokedAt = token.revokedAt ?? Date.now();
      if (token.revokedAt === null) await ctx.db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, token.id));
      return { id: token.id, revokedAt: toIso(revokedAt) };
    }),
  }),
});
