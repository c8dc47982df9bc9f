import type { PeriodReport } from '@comms-log/shared';
import type { MailMessage } from './mailer';
import { printableReportHtml } from './report-document';

/*
 * One recipient's e-mail of a period report: the printable report in its language as the body (charts inline as
 * SVG), attached as HTML and, when a PDF was made (./report-pdf.ts), as PDF.
 */

const words = {
  en: {
    subject: (org: string, period: string) => `comms-log report: ${org}, ${period}`,
    text: (org: string, period: string, total: number) =>
      `The external communication report of ${org} for ${period}: ${total} interactions. The full report is in the HTML part of this message and attached as a file to open or print.`,
  },
  'zh-CN': {
    subject: (org: string, period: string) => `comms-log 报告：${org}，${period}`,
    text: (org: string, period: string, total: number) =>
      `${org} ${period} 对外沟通报告：本期共记录沟通 ${total} 次。完整报告见本邮件的 HTML 正文，附件可打开或打印。`,
  },
} as const;

/** The message for `to`: subject, HTML body (the report with its charts), plain text, and the report as files. */
export function reportMessage(
  report: PeriodReport,
  opts: { to: string; orgName: string; period: string; pdf: Buffer | null },
): MailMessage {
  const w = words[report.meta.language];
  const html = printableReportHtml(report);
  const file = `comms-log-report-${opts.period}`;
  return {
    to: opts.to,
    subject: w.subject(opts.orgName, opts.period),
    html,
    text: w.text(opts.orgName, opts.period, report.overview.total),
    attachments: [
      { filename: `${file}.html`, content: html, contentType: 'text/html; charset=utf-8' },
      ...(opts.pdf ? [{ filename: `${file}.pdf`, content: opts.pdf, contentType: 'application/pdf' }] : []),
    ],
  };
}
