import type { PeriodReport, StakeholderType } from '@comms-log/shared';
import { translate } from '../../../../extension/src/lib/i18n';
import { stakeholderTypeKey } from '../../../../extension/src/lib/label-keys';
import { reportToHtml } from '../../../../extension/src/lib/report/html';
import { reportLang } from '../../../../extension/src/lib/report/tables';

/*
 * The one place the e-mail takes the printable report from: today the dashboard's own "print / PDF" document
 * (extension/src/lib/report/html.ts), so the mail and the download cannot differ. When the report gets its pure
 * builder of figures, texts and language, this file is the only one to change.
 */

/** The whole printable report, a self-contained HTML document in the report's language. */
export const printableReportHtml = (report: PeriodReport): string => reportToHtml(report);

/** A stakeholder type's name in the report's language, as the report's tables name it. */
export const stakeholderTypeLabel = (report: PeriodReport, type: StakeholderType): string =>
  translate(reportLang(report.meta.language), stakeholderTypeKey[type]);
