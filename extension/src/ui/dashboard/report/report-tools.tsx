import { useState } from 'react';
import type { PeriodReport, ReportLanguage } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import type { MessageKey } from '../../../lib/i18n';
import { reportToHtml } from '../../../lib/report/html';
import { interactionsCsv } from '../../../lib/report/interactions';
import { reportToMarkdown } from '../../../lib/report/markdown';
import { reportLang } from '../../../lib/report/tables';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { csvMime, downloadText } from '../download';
import { fetchAllInteractions } from '../drilldown/fetch-all-interactions';
import { fileStem } from './report-document';

/** The report as a document to keep: HTML (opens anywhere) and Markdown (pastes into wikis and mail). */
const documentExports: { label: MessageKey; ext: string; render: (r: PeriodReport) => string; mime: string }[] = [
  { label: 'dashDownloadHtml', ext: 'html', render: reportToHtml, mime: 'text/html;charset=utf-8' },
  { label: 'dashDownloadMarkdown', ext: 'md', render: reportToMarkdown, mime: 'text/markdown;charset=utf-8' },
];

/** Every interaction of the report's period as CSV, with the export's progress or its failure. */
function useInteractionsExport(report: PeriodReport | undefined) {
  const { t, filter, zone } = useDashboard();
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<StoredError | null>(null);
  const run = async () => {
    if (!report) return;
    setError(null);
    setProgress(t('dashExporting', 0, report.overview.total));
    try {
      const items = await fetchAllInteractions({ filter }, (done, total) =>
        setProgress(t('dashExporting', done, total)),
      );
      downloadText(
        `${fileStem(report)}-interactions.csv`,
        interactionsCsv(items, reportLang(report.meta.language), zone),
        csvMime,
      );
      setProgress(t('dashExported', items.length));
    } catch (e) {
      setProgress(null);
      setError(toStoredError(e));
    }
  };
  return { progress, error, run };
}

/** The report's language and its exports: print to PDF, HTML, Markdown and the interactions as CSV. */
export function ReportTools(props: {
  report: PeriodReport | undefined;
  language: ReportLanguage;
  onLanguage(language: ReportLanguage): void;
}) {
  const { t } = useDashboard();
  const { report } = props;
  const csv = useInteractionsExport(report);
  return (
    <div className="dash-report-tools dash-noprint" role="toolbar" aria-label={t('dashReportTools')}>
      <div className="pg-field">
        <label htmlFor="dash-report-lang">{t('dashReportLanguage')}</label>
        <select
          id="dash-report-lang"
          value={props.language}
          onChange={(e) => props.onLanguage(e.target.value as ReportLanguage)}
        >
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </div>
      <button type="button" className="pg-button pg-primary" disabled={!report} onClick={() => window.print()}>
        {t('dashPrint')}
      </button>
      {documentExports.map((x) => (
        <button
          key={x.ext}
          type="button"
          className="pg-button"
          disabled={!report}
          onClick={() => report && downloadText(`${fileStem(report)}.${x.ext}`, x.render(report), x.mime)}
        >
          {t(x.label)}
        </button>
      ))}
      <button
        type="button"
        className="pg-button"
        disabled={!report || csv.progress?.endsWith('…') === true}
        onClick={() => void csv.run()}
      >
        {t('dashDownloadInteractionsCsv')}
      </button>
      {csv.progress && (
        <span role="status" className="pg-muted">
          {csv.progress}
        </span>
      )}
      {csv.error && (
        <span role="alert" className="pg-error">
          {errorText(t, csv.error)}
        </span>
      )}
    </div>
  );
}
