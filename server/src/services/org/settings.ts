import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { settingsUpdateInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { orgs } from '../../db/schema';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { neverLogEntries, replaceNeverLog } from './never-log';
import { updateOrg } from './orgs';

/** The caller's org settings: its name, time zone and capture level, the org's never-log list and the caller's. */
export async function readSettings(ctx: ServiceCtx) {
  const orgId = ctx.user.orgId;
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your org no longer exists.' });
  return {
    org: { id: org.id, name: org.name, timeZone: org.timeZone, captureLevel: org.captureLevel },
    neverLog: await neverLogEntries(ctx.db, orgId, ctx.user.id),
  };
}

/** Change the settings given: the org's are an admin's, anyone may replace their own never-log list. */
export async function updateSettings(ctx: ServiceCtx, input: z.output<typeof settingsUpdateInputSchema>) {
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
  const now = nowOf(ctx);
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
  return readSettings(ctx);
}
