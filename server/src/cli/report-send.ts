import { and, asc, eq } from 'drizzle-orm';
import { mailRecipientSchema, type MailRecipient } from '@comms-log/shared';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { mailSchedules } from '../db/tables/mail';
import { findReportFont } from '../services/mail/report-font';
import { smtpConfigFrom } from '../services/mail/smtp-config';
import { periodOfKey } from '../services/schedules/periods';
import { claimManual } from '../services/schedules/send-log';
import { findOrg, flags, required, UsageError, type Command } from './args';

/** Who to send to: `--to` (in `--lang`, default English), else the org's schedule's recipients. */
async function recipientsOf(db: Db, orgId: string, to: string | undefined, lang: string | undefined) {
  if (to) {
    const parsed = mailRecipientSchema.safeParse({ email: to, language: lang ?? 'en' });
    if (!parsed.success) throw new UsageError('--to must be an e-mail address and --lang zh-CN or en');
    return [parsed.data];
  }
  const [schedule] = await db.select().from(mailSchedules).where(eq(mailSchedules.orgId, orgId));
  if (!schedule?.recipients.length) throw new UsageError('the org has no report recipients: give --to <email>');
  return schedule.recipients;
}

/** The admin the report is made as: the schedule's, else the org's first admin (the whole org's figures). */
async function reportingAdmin(db: Db, orgId: string): Promise<string> {
  const [schedule] = await db.select().from(mailSchedules).where(eq(mailSchedules.orgId, orgId));
  if (schedule) return schedule.updatedBy;
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!admin) throw new UsageError('the org has no active admin to make the report as');
  return admin.id;
}

/** `report:send`: the period report by e-mail now, logged as a send from the CLI. */
export const reportSendCommands: Record<string, Command> = {
  async 'report:send'(db, args) {
    const f = flags(args, ['org', 'period', 'to', 'lang']);
    const org = await findOrg(db, required(f, 'org'));
    const period = periodOfKey(required(f, 'period'), org.timeZone);
    if (!period) throw new UsageError('--period must be a week as 2026-W11 or a month as 2026-03');
    const config = smtpConfigFrom();
    if (!config) throw new UsageError('SMTP_HOST is not set: see README "Scheduled e-mail"');
    const recipients: MailRecipient[] = await recipientsOf(db, org.id, f.to, f.lang);
    // Loaded here, not at the top: every other command of the CLI would pay for the mailer and the report (~0.4 s).
    const [{ smtpMailer }, { deliver, reportMaker }] = await Promise.all([
      import('../services/mail/mailer'),
      import('../services/schedules/deliver'),
    ]);
    const log = (m: string) => console.error(m);
    const deps = { db, mailer: smtpMailer(config), now: Date.now, log, pdfFont: findReportFont() };
    const report = reportMaker(deps, org.id, await reportingAdmin(db, org.id), period);
    let failed = 0;
    for (const recipient of recipients) {
      const row = await claimManual(db, { orgId: org.id, period: period.key, recipient, now: Date.now() });
      const ok = await deliver(deps, row, report);
      if (!ok) failed++;
      console.log(`${ok ? 'sent' : 'FAILED'}: ${period.key} to ${recipient.email} (${recipient.language})`);
    }
    if (failed) process.exitCode = 1;
  },
};
