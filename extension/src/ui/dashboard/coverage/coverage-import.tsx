import { coverageCsvHeader, type CoverageImportReport } from '@comms-log/shared';
import type { T } from '../../use-t';
import { CsvImportPanel } from '../csv-import/csv-import-panel';
import type { CsvImportKind } from '../csv-import/csv-import-kind';
import { useDashboard } from '../dashboard-context';
import { previewCoverageCsv, type CoverageCsvPreviewRow, type CoverageCsvProblem } from './coverage-csv';
import { toneKey } from './coverage-labels';

/** A row's mistake in words a person can act on. */
function coverageCsvProblemText(t: T, p: CoverageCsvProblem): string {
  switch (p.kind) {
    case 'outlet':
      return t('dashCovImportErrOutlet');
    case 'title':
      return t('covErrTitle');
    case 'url':
      return t('covErrUrl');
    case 'reach':
      return t('covErrReach');
    case 'eventTag':
      return t('covErrEventTag');
    case 'notNegative':
      return t('dashCovImportErrNotNegative');
    case 'tone':
      return t('dashCovImportErrTone', p.value);
    case 'date':
      return p.value.trim() === ''
        ? t('dashCovImportErrDateMissing', p.column)
        : t('dashCovImportErrDate', p.value.trim(), p.column);
  }
}

/** The tone a cell gives, in the reader's words; the cell as typed when it is none of them. */
function toneText(t: T, cell: string | undefined): string {
  const tone = (cell ?? '').trim().toLowerCase();
  if (tone === '') return t(toneKey.none);
  return tone === 'positive' || tone === 'neutral' || tone === 'negative' ? t(toneKey[tone]) : (cell ?? '');
}

/** The coverage import: `evaluations.importCoverageCsv`, whose rows each record one media report. */
export function coverageImport(t: T): CsvImportKind<CoverageCsvPreviewRow, CoverageImportReport> {
  return {
    idPrefix: 'coverage',
    title: t('dashCovImportTitle'),
    columnsHint: t('dashCovImportColumns', coverageCsvHeader.join(',')),
    placeholder: `${coverageCsvHeader.join(',')}\nDaily Tech,Spring launch reviewed,https://news.example.cn/a,2026-03-10,positive,12000,spring launch,`,
    preview: previewCoverageCsv,
    rowErrors: (r) =>
      [
        ...r.problems.map((p) => coverageCsvProblemText(t, p)),
        ...(r.extraFields ? [t('dashCsvExtraFields')] : []),
      ].join(' '),
    columns: [
      { label: t('dashCovColOutlet'), cell: (r) => r.values.outlet },
      { label: t('covTitle'), cell: (r) => r.values.title },
      { label: t('dashCovColPublished'), cell: (r) => r.values.published_at },
      { label: t('dashCovTone'), cell: (r) => toneText(t, r.values.tone) },
      { label: t('dashCovReach'), numeric: true, cell: (r) => r.values.reach },
      { label: t('dashCovClarifiedOn'), cell: (r) => r.values.clarified_at },
    ],
    send: (c, csv, dryRun) => c.evaluations.importCoverageCsv.mutate({ csv, dryRun }),
    serverSummary: (r) => t('dashCovImportServerSummary', r.created, r.errors),
    willText: () => t('dashCovImportWillRecord'),
    reportSummary: (r) => t('dashCovImportReportSummary', r.created, r.errors),
    statusText: (status) => (status === 'error' ? t('dashCsvError') : t('dashCovImportRecorded')),
  };
}

/** Media reports from CSV, with the browser's preview, the server's dry run per row, and its report. */
export function CoverageImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  return <CsvImportPanel kind={coverageImport(t)} onImported={onImported} />;
}
