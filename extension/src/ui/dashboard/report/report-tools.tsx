import { useState } from 'react';
import {
  documentTables,
  type ReportDocumentInput,
  type ReportLanguage,
  reportDocument,
  reportHtml,
  reportMarkdown,
} from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { interactionsCsv } from '../../../lib/report/interactions';
import { tablesToXlsx, xlsxMime } from '../../../lib/report/xlsx';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { csvMime, downloadText } from '../download';
import { fetchAllInteractions } from '../drilldown/fetch-all-interactions';

/** Every interaction of the report's period as CSV, with the export's progress or its failure. */
function useInteractionsExport(input: ReportDocumentInput | undefined, stem: string) {
  const { t, filter, zone } = useDashboard();
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<StoredError | null>(null);
  const run = async () => {
    if (!input) return;
    setError(null);
    setProgress(t('dashExporting', 0, input.report.overview.total));
    try {
      const items = await fetchAllInteractions({ filter }, (done, total) =>
        setProgress(t('dashExporting', done, total)),
      );
      const lang = input.report.meta.language === 'zh-CN' ? 'zh_CN' : 'en';
      downloadText(`${stem}-interactions.csv`, interactionsCsv(items, lang, zone), csvMime);
      setProgress(t('dashExported', items.length));
    } catch (e) {
      setProgress(null);
      setError(toStoredError(e));
    }
  };
  return { progress, error, run };
}

/** The report's language and its exports: print to PDF, HTML, Markdown, XLSX and the interactions as CSV. */
export function ReportTools(props: {
  input: ReportDocumentInput | undefined;
  stem: string;
  language: ReportLanguage;
  onLanguage(language: ReportLanguage): void;
}) {
  const { t } = useDashboard();
  const { input, stem } = props;
  const csv = useInteractionsExport(input, stem);
  const [xlsxError, setXlsxError] = useState<StoredError | null>(null);
  const xlsx = async () => {
    if (!input) return;
    setXlsxError(null);
    try {
      downloadText(`${stem}.xlsx`, await tablesToXlsx(documentTables(reportDocument(input))), xlsxMime);
    } catch (e) {
      setXlsxError(toStoredError(e));
    }
  };
  const documents = [
    { label: t('dashDownloadHtml'), ext: 'html', render: reportHtml, mime: 'text/html;charset=utf-8' },
    { label: t('dashDownloadMarkdown'), ext: 'md', render: reportMarkdown, mime: 'text/markdown;charset=utf-8' },
  ];
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
      <button type="button" className="pg-button pg-primary" disabled={!input} onClick={() => window.print()}>
        {t('dashPrint')}
      </button>
      {documents.map((x) => (
        <button
          key={x.ext}
          type="button"
          className="pg-button"
          disabled={!input}
          onClick={() => input && downloadText(`${stem}.${x.ext}`, x.render(input), x.mime)}
        >
          {x.label}
        </button>
      ))}
      <button type="button" className="pg-button" disabled={!input} onClick={() => void xlsx()}>
        {t('reportDownloadXlsx')}
      </button>
      <button
        type="button"
        className="pg-button"
        disabled={!input || csv.progress?.endsWith('…') === true}
        onClick={() => void csv.run()}
      >
        {t('dashDownloadInteractionsCsv')}
      </button>
      {csv.progress && (
        <span role="status" className="pg-muted">
          {csv.progress}
        </span>
      )}
      {(csv.error ?? xlsxError) && (
        <span role="alert" className="pg-error">
          {errorText(t, (csv.error ?? xlsxError)!)}
        </span>
      )}
    </div>
  );
}
