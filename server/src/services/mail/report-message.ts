import type { PeriodReport } from '@comms-log/shared';
import type { MailMessage } from './mailer';
import { byTypeChart, perDayChart } from './report-charts';
import { printableReportHtml } from './report-document';

/* One recipient's e-mail of a period report: in the report's language, charts inline, the document attached. */

const words = {
  en: {
    subject: (org: string, period: string) => `comms-log report: ${org}, ${period}`,
    perDay: 'Interactions per day',
    byType: 'Interactions by stakeholder type',
    text: (org: string, period: string, total: number) =>
      `The external communication report of ${org} for ${period}: ${total} interactions. The full report is in the HTML part of this message and attached as a file to open or print.`,
  },
  'zh-CN': {
    subject: (org: string, period: string) => `comms-log 报告：${org}，${period}`,
    perDay: '每日沟通次数',
    byType: '按干系人类型的沟通次数',
    text: (org: string, period: string, total: number) =>
      `${org} ${period} 对外沟通报告：本期共记录沟通 ${total} 次。完整报告见本邮件的 HTML 正文，附件可打开或打印。`,
  },
} as const;

/** The message for `to`: subject, HTML body (the report with its charts), plain text, and the report as a file. */
export function reportMessage(
  report: PeriodReport,
  opts: { to: string; orgName: string; period: string },
): MailMessage {
  const w = words[report.meta.language];
  const document = printableReportHtml(report);
  const charts = `<section>${perDayChart(report, w.perDay)}${byTypeChart(report, w.byType)}</section>\n`;
  // After the title and the line under it: the charts lead the report, as on the dashboard.
  const at = document.indexOf('<h2>');
  const html = at < 0 ? document : `${document.slice(0, at)}${charts}${document.slice(at)}`;
  return {
    to: opts.to,
    subject: w.subject(opts.orgName, opts.period),
    html,
    text: w.text(opts.orgName, opts.period, report.overview.total),
    attachments: [
      { filename: `comms-log-report-${opts.period}.html`, content: html, contentType: 'text/html; charset=utf-8' },
    ],
  };
}
