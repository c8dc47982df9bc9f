import { desc, eq } from 'drizzle-orm';
import type { MailSchedule, MailSend, mailScheduleInputSchema, mailSendsInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { mailSchedules, mailSends, type MailSendRow } from '../../db/tables/mail';
import { toIso, toIsoOrNull } from '../../iso';
import { nowOf, type ServiceCtx } from '../service-ctx';

/* The org's report e-mail schedule and the log of its sends (admins; docs/web-view.md "Scheduled e-mail"). */

export async function getMailSchedule(ctx: ServiceCtx): Promise<MailSchedule | null> {
  const [row] = await ctx.db.select().from(mailSchedules).where(eq(mailSchedules.orgId, ctx.user.orgId));
  return row ? { cadence: row.cadence, recipients: row.recipients, updatedAt: toIso(row.updatedAt) } : null;
}

/** Replaces the schedule; the report is made as the admin who set it last. No recipients: nothing is sent. */
export async function setMailSchedule(
  ctx: ServiceCtx,
  input: z.output<typeof mailScheduleInputSchema>,
): Promise<MailSchedule> {
  const row = {
    orgId: ctx.user.orgId,
    cadence: input.cadence,
    recipients: input.recipients,
    updatedBy: ctx.user.id,
    updatedAt: nowOf(ctx),
  };
  await ctx.db
    .insert(mailSchedules)
    .values(row)
    .onConflictDoUpdate({ target: mailSchedules.orgId, set: { ...row, orgId: undefined } });
  return { cadence: row.cadence, recipients: row.recipients, updatedAt: toIso(row.updatedAt) };
}

export const toMailSend = (r: MailSendRow): MailSend => ({
  id: r.id,
  period: r.period,
  email: r.email,
  language: r.language,
  trigger: r.trigger,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  claimedAt: toIso(r.claimedAt),
  sentAt: toIsoOrNull(r.sentAt),
  retryAt: toIsoOrNull(r.retryAt),
});

/** The newest sends first: scheduled and from the CLI, with their attempts and last error. */
export async function listMailSends(ctx: ServiceCtx, input: z.output<typeof mailSendsInputSchema>) {
  const rows = await ctx.db
    .select()
    .from(mailSends)
    .where(eq(mailSends.orgId, ctx.user.orgId))
    .orderBy(desc(mailSends.claimedAt), desc(mailSends.id))
    .limit(input.limit);
  return rows.map(toMailSend);
}
