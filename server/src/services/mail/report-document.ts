import { reportDocument, reportHtml, reportTextsSchema, type DocSection, type PeriodReport } from '@comms-log/shared';

/*
 * The one place the e-mail takes the printable report from: the report's own pure builder (shared/src/domain/report),
 * the document the dashboard prints, with its inline SVG charts. A scheduled report has no manager's texts: their
 * places say so, as in a report nobody has written up yet.
 */

const noTexts = reportTextsSchema.parse({});

/** The whole printable report, a self-contained HTML document in the report's language. */
export const printableReportHtml = (report: PeriodReport): string => reportHtml({ report, texts: noTexts });

/** The same document as its title and sections, for a layout of its own (the PDF). */
export const printableReportDocument = (report: PeriodReport): { title: string; sections: DocSection[] } =>
  reportDocument({ report, texts: noTexts });
