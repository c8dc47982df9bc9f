import { surveyCsvHeader, type SurveyImportReport } from '@comms-log/shared';
import type { T } from '../../use-t';
import { CsvImportPanel } from '../csv-import/csv-import-panel';
import type { CsvImportKind } from '../csv-import/csv-import-kind';
import { useDashboard } from '../dashboard-context';
import type { SurveyCsvPreviewRow } from './survey-csv';
import { previewSurveyCsv } from './survey-csv';
import { surveyProblemText } from './survey-problem-text';

/** The survey import: `evaluations.importSurveysCsv`, whose rows each record one response. */
export function surveyImport(t: T): CsvImportKind<SurveyCsvPreviewRow, SurveyImportReport> {
  return {
    idPrefix: 'survey',
    title: t('dashSurveyImport'),
    columnsHint: t('dashSurveyCsvColumns', surveyCsvHeader.join(',')),
    placeholder: `${surveyCsvHeader.join(',')}\ncsat,4,5,buyer@acme.cn,customer,usability,2026-03-10,Quick answers`,
    preview: previewSurveyCsv,
    rowErrors: (r) =>
      [...r.problems.map((p) => surveyProblemText(t, p)), ...(r.extraFields ? [t('dashCsvExtraFields')] : [])].join(
        ' ',
      ),
    columns: [
      { label: t('dashSurveyColInstrument'), cell: (r) => r.values.instrument },
      { label: t('dashSurveyColScore'), numeric: true, cell: (r) => r.values.score },
      {
        label: t('dashColStakeholder'),
        cell: (r) => r.values.stakeholder || <span className="pg-muted">{t('dashSurveyAnonymous')}</span>,
      },
      { label: t('dashColType'), cell: (r) => r.values.stakeholder_type },
      { label: t('dashSurveyColDimension'), cell: (r) => r.values.dimension },
      { label: t('dashSurveyColAnswered'), cell: (r) => r.values.answered_at },
    ],
    send: (c, csv, dryRun) => c.evaluations.importSurveysCsv.mutate({ csv, dryRun }),
    serverSummary: (r) => t('dashSurveyCsvServerSummary', r.created, r.errors, r.followups),
    willText: () => t('dashSurveyCsvWillRecord'),
    reportSummary: (r) => t('dashSurveyCsvReportSummary', r.created, r.errors, r.followups),
    statusText: (status) => (status === 'error' ? t('dashCsvError') : t('dashSurveyRecorded')),
  };
}

/** Survey responses from CSV, with the browser's preview, the server's dry run per row, and its report. */
export function SurveyImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  return <CsvImportPanel kind={surveyImport(t)} onImported={onImported} />;
}
