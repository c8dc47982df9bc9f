import { TRPCError } from '@trpc/server';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { ulid } from 'ulid';
import { z } from 'zod';
import { captureLevelSchema, nameSchema, timeZoneSchema } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { neverLog, orgs } from '../db/schema';
import { normalizeIdentity } from '../services/identities';
import { updateOrg } from '../services/orgs';
import { authedProcedure, router } from '../trpc';

export const neverLogEntrySchema = z.object({
  kind: z.enum(['email', 'domain']),
  value: z.string().trim().min(1).max(320),
});

export const settingsUpdateInputSchema = z.object({
  /** Admin only. */
  name: nameSchema.optional(),
  /** Admin only. Also sets the plan's working-calendar time zone (a new plan version; history is not recomputed). */
  timeZone: timeZoneSchema.optional(),
  /** Admin only. Lowering it also removes what is stored beyond the new level. */
  captureLevel: captureLevelSchema.optional(),
  /** Admin only: replaces the org-wide never-log list. */
  orgNeverLog: z.array(neverLogEntrySchema).max(1000).optional(),
  /** Anyone: replaces the caller's personal never-log list. */
  myNeverLog: z.array(neverLogEntrySchema).max(1000).optional(),
});

async function readSettings(db: DbOrTx, orgId: string, userId: string) {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your org no longer exists.' });
  const entries = await db
    .select({ id: neverLog.id, userId: neverLog.userId, kind: neverLog.kind, value: neverLog.value })
    .from(neverLog)
    .where(and(eq(neverLog.orgId, orgId), or(isNull(neverLog.userId), eq(neverLog.userId, userId))))
    .orderBy(asc(neverLog.kind), asc(neverLog.value));
  const strip = ({ id, kind, value }: (typeof entries)[number]) => ({ id, kind, value });
  return {
    org: { id: org.id, name: org.name, timeZone: org.timeZone, captureLevel: org.captureLevel },
    neverLog: {
      org: entries.filter((e) => e.userId === null).map(strip),
      mine: entries.filter((e) => e.userId !== null).map(strip),
    },
  };
}

function normalizeEntries(list: z.infer<typeof neverLogEntrySchema>[]) {
  const out = new Map<string, { kind: 'email' | 'domain'; value: string }>();
  for (const e of list) {
    let value: string;
    try {
      value = normalizeIdentity(e.kind, e.value);
    } catch (err) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Never-log ${e.kind}: ${(err as Error).message}.` });
    }
    out.set(`${e.kind}:${value}`, { kind: e.kind, value });
  }
  return [...out.values()];
}

async function replaceNeverLog(
  db: DbOrTx,
  orgId: string,
  userId: string | null,
  list: z.infer<typeof neverLogEntrySchema>[],
  now: number,
) {
  const entries = normalizeEntries(list);
  await db
    .delete(neverLog)
    .where(and(eq(neverLog.orgId, orgId), userId === null ? isNull(neverLog.userId) : eq(neverLog.userId, userId)));
  if (entries.length)
    await db
      .insert(neverLog)
      .values(entries.map((e) => ({ id: ulid(now), orgId, userId, kind: e.kind, value: e.value, createdAt: now })));
}

export const settingsRouter = router({
  get: authedProcedure.query(({ ctx }) => readSettings(ctx.db, ctx.user.orgId, ctx.user.id)),

  update: authedProcedure.input(settingsUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const adminFields = (['name', 'timeZone', 'captureLevel', 'orgNeverLog'] as const).filter(
      (k) => input[k] !== undefined,
    );
    if (adminFields.length && ctx.user.role !== 'admin') {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Only an admin can change ${adminFields.join(', ')}; you can change your own never-log list.`,
      });
    }
    const orgId = ctx.user.orgId;
    const now = Date.now();
    await ctx.db.transaction(async (tx) => {
      const changed = await updateOrg(
        tx,
        orgId,
        { name: input.name, timeZone: input.timeZone, captureLevel: input.captureLevel },
        ctx.user.id,
        now,
      );
      if (!changed) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your org no longer exists.' });
      if (input.orgNeverLog) await replaceNeverLog(tx, orgId, null, input.orgNeverLog, now);
      if (input.myNeverLog) await replaceNeverLog(tx, orgId, ctx.user.id, input.myNeverLog, now);
    });
    return readSettings(ctx.db, orgId, ctx.user.id);
  }),
});
