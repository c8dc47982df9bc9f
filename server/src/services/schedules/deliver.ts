import { eq } from 'drizzle-orm';
import type { ReportLanguage } from '@comms-log/shared';
import type { Db } from '../../db/client';
import type { ReportBuilder } from '../../db/readers/start';
import { orgs } from '../../db/schema';
import type { MailSendRow } from '../../db/tables/mail';
import type { Mailer } from '../mail/mailer';
import type { ReportFont } from '../mail/report-font';
import { reportMessage } from '../mail/report-message';
import { buildOffThread } from '../jobs/report-build';
import type { MailReport } from './mail-report';
import type { ReportPeriod } from './periods';
import { markFailed, markSent } from './send-log';

/** What sending needs: the database, the mailer, the clock, where failures are told. */
export interface MailDeps {
  db: Db;
  mailer: Mailer;
  now(): number;
  log(message: string): void;
  /** The font of the PDF attachment; none: the report is attached as HTML only. */
  pdfFont?: ReportFont | null;
  /** Where reports and PDFs are built off the event loop; none (a `:memory:` or remote database, the CLI): here. */
  reportBuilder?: ReportBuilder;
}

/** The org's report of a period as `asUserId` (an admin: the whole org) sees it, and its PDF, once per language. */
export function reportMaker(deps: MailDeps, orgId: string, asUserId: string, period: ReportPeriod) {
  const made = new Map<ReportLanguage, Promise<MailReport>>();
  return (language: ReportLanguage): Promise<MailReport> => {
    let report = made.get(language);
    if (!report) {
      const user = { id: asUserId, orgId, role: 'admin' as const };
      const ctx = { db: deps.db, user, now: deps.now(), reportBuilder: deps.reportBuilder };
      const input = { filter: { from: period.from, to: period.to }, language, pdfFont: deps.pdfFont ?? null };
      report = buildOffThread(ctx, 'mail', input, () => {});
      made.set(language, report);
    }
    return report;
  };
}

/** The PDF as nodemailer takes it: a Buffer over the same bytes. */
const asBuffer = (pdf: Uint8Array | null): Buffer | null =>
  pdf && Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);

/** Sends one claimed row and records how it went; true when the SMTP server took it. */
export async function deliver(
  deps: MailDeps,
  row: MailSendRow,
  report: (language: ReportLanguage) => Promise<MailReport>,
): Promise<boolean> {
  try {
    const [org] = await deps.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId));
    const made = await report(row.language);
    const pdf = asBuffer(made.pdf);
    const message = reportMessage(made.report, { to: row.email, orgName: org?.name ?? '', period: row.period, pdf });
    await deps.mailer(message);
    await markSent(deps.db, row, deps.now());
    return true;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    deps.log(`report e-mail ${row.period} to ${row.email} failed (attempt ${row.attempts + 1}): ${reason}`);
    await markFailed(deps.db, row, reason, deps.now());
    return false;
  }
}
