import { useState } from 'react';
import type { ReportLanguage } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { ReportDocument } from './report-document';
import { ReportTools } from './report-tools';

/** The period report in Chinese or English, with its exports: print to PDF, HTML, Markdown and CSV. */
export function ReportView() {
  const { t, lang, filter, asOf, dataVersion } = useDashboard();
  const [language, setLanguage] = useState<ReportLanguage>(lang === 'zh_CN' ? 'zh-CN' : 'en');
  const q = useApiQuery(JSON.stringify(['report', filter, language, asOf, dataVersion]), (c) =>
    c.reports.period.query({ filter, language, asOf }),
  );
  const report = q.data;

  return (
    <div className="dash-report-view">
      <ReportTools report={report} language={language} onLanguage={setLanguage} />
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
