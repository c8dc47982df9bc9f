import { useState } from 'react';
import type { PeriodReport, ReportLanguage } from '@comms-log/shared';
import { toExcelCsv } from '../../../lib/report/csv';
import { reportToHtml } from '../../../lib/report/html';
import { interactionsCsv } from '../../../lib/report/interactions';
import { reportToMarkdown } from '../../../lib/report/markdown';
import {
  overviewSentence,
  periodTitle,
  reportFormat,
  reportLang,
  reportTables,
  type ReportTable,
} from '../../../lib/report/tables';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { csvMime, downloadText } from '../download';
import { fetchAllInteractions } from '../drilldown-dialog';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';

const fileStem = (r: PeriodReport) => `comms-report-${r.meta.from.slice(0, 10)}-${r.meta.language}`;

/** The period report in Chinese or English, with its exports: print to PDF, HTML, Markdown and CSV. */
export function ReportView() {
  const { t, lang, filter, asOf, dataVersion, zone } = useDashboard();
  const [language, setLanguage] = useState<ReportLanguage>(lang === 'zh_CN' ? 'zh-CN' : 'en');
  const q = useApiQuery(JSON.stringify(['report', filter, language, asOf, dataVersion]), (c) =>
    c.reports.period.query({ filter, language, asOf }),
  );
  const [progress, setProgress] = useState<string | null>(null);
  const [exportError, setExportError] = useState<StoredError | null>(null);
  const report = q.data;

  const exportInteractions = async () => {
    if (!report) return;
    setExportError(null);
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
      setExportError(toStoredError(e));
    }
  };

  return (
    <div className="dash-report-view">
      <div className="dash-report-tools dash-noprint" role="toolbar" aria-label={t('dashReportTools')}>
        <div className="pg-field">
          <label htmlFor="dash-report-lang">{t('dashReportLanguage')}</label>
          <select
            id="dash-report-lang"
            value={language}
            onChange={(e) => setLanguage(e.target.value as ReportLanguage)}
          >
            <option value="zh-CN">中文（简体）</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="button" className="pg-button pg-primary" disabled={!report} onClick={() => window.print()}>
          {t('dashPrint')}
        </button>
        <button
          type="button"
          className="pg-button"
          disabled={!report}
          onClick={() =>
            report && downloadText(`${fileStem(report)}.html`, reportToHtml(report), 'text/html;charset=utf-8')
          }
        >
          {t('dashDownloadHtml')}
        </button>
        <button
          type="button"
          className="pg-button"
          disabled={!report}
          onClick={() =>
            report && downloadText(`${fileStem(report)}.md`, reportToMarkdown(report), 'text/markdown;charset=utf-8')
          }
        >
          {t('dashDownloadMarkdown')}
        </button>
        <button
          type="button"
          className="pg-button"
          disabled={!report || progress?.endsWith('…') === true}
          onClick={() => void exportInteractions()}
        >
          {t('dashDownloadInteractionsCsv')}
        </button>
        {progress && (
          <span role="status" className="pg-muted">
            {progress}
          </span>
        )}
        {exportError && (
          <span role="alert" className="pg-error">
            {errorText(t, exportError)}
          </span>
        )}
      </div>
      <StatusLine t={t} loading={q.loading && !report} error={q.error} what={t('dashReportWord')} />
      {q.loading && report && (
        <p role="status" className="pg-muted dash-noprint">
          {t('dashUpdating')}
        </p>
      )}
      {report && <ReportDocument report={report} />}
    </div>
  );
}

function TableBlock({ table, stem, emptyText }: { table: ReportTable; stem: string; emptyText: string }) {
  const { t } = useDashboard();
  return (
    <section className="dash-report-table" aria-label={table.title} data-table={table.id}>
      <div className="dash-h3-row">
        <h2>{table.title}</h2>
        <button
          type="button"
          className="pg-link dash-noprint"
          aria-label={t('dashTableCsvAria', table.title)}
          onClick={() => downloadText(`${stem}-${table.id}.csv`, toExcelCsv(table.columns, table.rows), csvMime)}
        >
          {t('dashTableCsv')}
        </button>
      </div>
      {table.rows.length === 0 ? (
        <p className="pg-muted">{emptyText}</p>
      ) : (
        <table className="dash-table">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {table.columns.map((_, c) => (
                  <td key={c} className={typeof r[c] === 'number' ? 'dash-num' : undefined}>
                    {r[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The report itself, in its own language (the page's chrome stays in the UI's). */
export function ReportDocument({ report }: { report: PeriodReport }) {
  const f = reportFormat(reportLang(report.meta.language));
  const { t } = f;
  const tables = reportTables(report);
  const stem = fileStem(report);
  return (
    <article className="dash-report" lang={report.meta.language} aria-label={t('dashReportTitle')} data-testid="report">
      <h1>{t('dashReportHeading', periodTitle(report))}</h1>
      <p className="pg-muted">
        {t(
          'dashReportMeta',
          report.meta.timeZone,
          f.dateTime(report.meta.asOf, report.meta.timeZone),
          report.meta.scope === 'own' ? t('dashScopeOwn') : t('dashScopeTeam'),
        )}
      </p>
      <section aria-label={t('dashSecOverview')}>
        <h2>{t('dashSecOverview')}</h2>
        <p data-testid="report-overview">{overviewSentence(report)}</p>
      </section>
      {tables.map((table) => (
        <TableBlock key={table.id} table={table} stem={stem} emptyText={t('dashNoRows')} />
      ))}
      <section aria-label={t('dashSecActions')}>
        <h2>{t('dashSecActions')}</h2>
        {report.actions.length ? (
          <ul>
            {report.actions.map((a, i) => (
              <li key={i}>{a.text}</li>
            ))}
          </ul>
        ) : (
          <p className="pg-muted">{t('dashNoActions')}</p>
        )}
      </section>
    </article>
  );
}
