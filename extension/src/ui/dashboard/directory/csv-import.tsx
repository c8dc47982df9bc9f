import type { ImportReport } from '@comms-log/shared';
import type { T } from '../../use-t';
import { CsvImportPanel } from '../csv-import/csv-import-panel';
import type { CsvImportKind } from '../csv-import/csv-import-kind';
import { useDashboard } from '../dashboard-context';
import { importColumns, previewStakeholderCsv, type PreviewRow } from './csv-preview';

const rowErrorKey = { name: 'dashCsvNoName', owner: 'dashCsvBadOwner', columns: 'dashCsvExtraFields' } as const;
const statusKey = { created: 'dashCsvCreated', updated: 'dashCsvUpdated', error: 'dashCsvError' } as const;

/** The stakeholder import: `directory.importCsv`, whose rows create or update a stakeholder. */
function stakeholderImport(t: T): CsvImportKind<PreviewRow, ImportReport> {
  return {
    idPrefix: 'dir',
    title: t('dashCsvImport'),
    columnsHint: t('dashCsvColumns', importColumns.join(',')),
    placeholder: 'name,type,tier,emails\nAcme,customer,key,info@acme.com',
    preview: previewStakeholderCsv,
    rowErrors: (r) =>
      r.errors.map((e) => (e === 'type' ? t('dashCsvBadType', r.values.type ?? '') : t(rowErrorKey[e]))).join(' '),
    columns: [
      { label: t('stakeholderName'), cell: (r) => r.values.name },
      { label: t('dashColType'), cell: (r) => r.values.type },
      { label: t('dashColTier'), cell: (r) => r.values.tier },
      { label: t('dashOrganization'), cell: (r) => r.values.organization },
      { label: t('dashIdentitiesShort'), numeric: true, cell: (r) => r.identities },
    ],
    send: (c, csv, dryRun, jobId) => c.directory.importCsv.mutate({ csv, dryRun, jobId }),
    followsJob: true,
    serverSummary: (r) => t('dashCsvServerSummary', r.created, r.updated, r.errors),
    willText: (status) => (status === 'created' ? t('dashCsvWillCreate') : t('dashCsvWillUpdate')),
    reportSummary: (r) => t('dashCsvReportSummary', r.created, r.updated, r.errors),
    statusText: (status) => t(statusKey[status as keyof typeof statusKey] ?? 'dashCsvError'),
  };
}

/** CSV import of stakeholders, with the browser's preview, the server's dry run per row, and its report. */
export function CsvImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  return <CsvImportPanel kind={stakeholderImport(t)} onImported={onImported} />;
}
