import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import type { tokenCreateInputSchema, tokenListInputSchema, tokenRevokeInputSchema, Whoami } from '@comms-log/shared';
import type { z } from 'zod';
import { issueToken, type AuthUser } from '../../auth/tokens';
import { apiTokens, orgs, users } from '../../db/schema';
import { toIso, toIsoOrNull } from '../../iso';
import { record } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';

const DAY_MS = 86_400_000;

/** A service acting for a signed-in user: who they are and which token they came with. */
type SignedInCtx = ServiceCtx & { user: AuthUser };

/** The caller and their org. */
export async function whoami(ctx: SignedInCtx): Promise<Whoami> {
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, ctx.user.orgId));
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your org no longer exists.' });
  return {
    user: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, role: ctx.user.role },
    org: { id: org.id, name: org.name, timeZone: org.timeZone, captureLevel: org.captureLevel },
  };
}

/** Tokens, newest first: an admin's of the org (or of one user), anyone else's their own. */
export async function listTokens(ctx: SignedInCtx, input: z.output<typeof tokenListInputSchema>) {
  const isAdmin = ctx.user.role === 'admin';
  if (!isAdmin && input.userId !== undefined && input.userId !== ctx.user.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: "Only an admin can list another user's tokens." });
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
      expiresAt: apiTokens.expiresAt,
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
      expiresAt: toIsoOrNull(r.expiresAt),
      current: r.id === ctx.user.tokenId,
    }));
}

/** Issue a token (an admin may for another user of the org). The token is in this answer only: it is stored hashed. */
export async function createToken(ctx: ServiceCtx, input: z.output<typeof tokenCreateInputSchema>) {
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
  const now = nowOf(ctx);
  const expiresAt = input.expiresInDays ? now + input.expiresInDays * DAY_MS : null;
  const issued = await issueToken(ctx.db, { orgId: ctx.user.orgId, userId, name: input.name, expiresAt }, now);
  await record(ctx, {
    action: 'token.create',
    target: issued.id,
    detail: { userId, name: issued.name, expiresAt: toIsoOrNull(issued.expiresAt) },
  });
  return { ...issued, createdAt: toIso(issued.createdAt), expiresAt: toIsoOrNull(issued.expiresAt) };
}

/** Revoke a token (one's own, or any of the org's for an admin): it is refused from the next request on. */
export async function revokeToken(ctx: ServiceCtx, input: z.output<typeof tokenRevokeInputSchema>) {
  const [token] = await ctx.db
    .select({ id: apiTokens.id, userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, ctx.user.orgId), eq(apiTokens.id, input.id)));
  if (!token || (token.userId !== ctx.user.id && ctx.user.role !== 'admin')) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No token with id ${input.id} that you can revoke.` });
  }
  const revokedAt = token.revokedAt ?? nowOf(ctx);
  if (token.revokedAt === null) {
    await ctx.db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, token.id));
    await record(ctx, { action: 'token.revoke', target: token.id, detail: { userId: token.userId } });
  }
  return { id: token.id, revokedAt: toIso(revokedAt) };
}
