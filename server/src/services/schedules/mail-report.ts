import type { PeriodReport, ReportLanguage } from '@comms-log/shared';
import type { ReportFont } from '../mail/report-font';
import { reportPdf } from '../mail/report-pdf';
import { periodReport } from '../reports/period-report';
import type { ServiceCtx } from '../service-ctx';

/** A scheduled e-mail's build: the period, the recipients' language, the PDF's font (none: no PDF). */
export interface MailReportInput {
  filter: { from: string; to: string };
  language: ReportLanguage;
  pdfFont: ReportFont | null;
}

/** The report an e-mail carries and its PDF (bytes; a Uint8Array once it has crossed from the report thread). */
export interface MailReport {
  report: PeriodReport;
  pdf: Uint8Array | null;
}

/**
 * The period report and its PDF for one language of a scheduled e-mail: both hold the thread they run on (a
 * month of a 1,000,000-row org, ~0.3 s and ~0.5 s), so the schedule builds them in the report thread
 * (docs/architecture.md "The report builder").
 */
export async function mailReport(ctx: ServiceCtx, input: MailReportInput): Promise<MailReport> {
  const report = await periodReport(ctx, { filter: input.filter, language: input.language });
  return { report, pdf: input.pdfFont ? await reportPdf(report, input.pdfFont) : null };
}
