import { eq } from 'drizzle-orm';
import type { PeriodReport, ReportLanguage } from '@comms-log/shared';
import type { Db } from '../../db/client';
import { orgs } from '../../db/schema';
import type { MailSendRow } from '../../db/tables/mail';
import type { Mailer } from '../mail/mailer';
import type { ReportFont } from '../mail/report-font';
import { reportMessage } from '../mail/report-message';
import { periodReport } from '../reports/period-report';
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
}

/** The org's report of a period as `asUserId` (an admin: the whole org) sees it, once per language. */
export function reportMaker(deps: MailDeps, orgId: string, asUserId: string, period: ReportPeriod) {
  const made = new Map<ReportLanguage, Promise<PeriodReport>>();
  return (language: ReportLanguage): Promise<PeriodReport> => {
    let report = made.get(language);
    if (!report) {
      const ctx = { db: deps.db, user: { id: asUserId, orgId, role: 'admin' as const }, now: deps.now() };
      report = periodReport(ctx, { filter: { from: period.from, to: period.to }, language });
      made.set(language, report);
    }
    return report;
  };
}

/** Each report's PDF, made once however many recipients share its language. */
const pdfs = new WeakMap<PeriodReport, Promise<Buffer>>();

function pdfOf(report: PeriodReport, font: ReportFont): Promise<Buffer> {
  let pdf = pdfs.get(report);
  if (!pdf) {
    // pdfkit takes ~0.6 s to load: only a process that makes a PDF pays for it (not every CLI command or start).
    pdf = import('../mail/report-pdf').then((m) => m.reportPdf(report, font));
    pdfs.set(report, pdf);
  }
  return pdf;
}

/** Sends one claimed row and records how it went; true when the SMTP server took it. */
export async function deliver(
  deps: MailDeps,
  row: MailSendRow,
  report: (language: ReportLanguage) => Promise<PeriodReport>,
): Promise<boolean> {
  try {
    const [org] = await deps.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId));
    const made = await report(row.language);
    const pdf = deps.pdfFont ? await pdfOf(made, deps.pdfFont) : null;
    const message = reportMessage(made, { to: row.email, orgName: org?.name ?? '', period: row.period, pdf });
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
