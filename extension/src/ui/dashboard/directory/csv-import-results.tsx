import type { ImportReport } from '@comms-log/shared';
import type { StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import type { T } from '../../use-t';
import { useDashboard } from '../dashboard-context';
import type { CsvPreview, PreviewProblem, PreviewRow } from './csv-preview';

const PREVIEW_ROWS = 200;

/** Why the file cannot be imported at all. */
export function problemText(t: T, problem: PreviewProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return t('dashCsvUnreadable', problem.line, problem.message);
    case 'empty':
      return t('dashCsvEmpty');
    case 'unknownColumns':
      return t('dashCsvUnknownColumns', problem.columns.join(', '));
    case 'missingColumns':
      return t('dashCsvMissingColumns', problem.columns.join(', '));
  }
}

const rowErrorKey = { name: 'dashCsvNoName', owner: 'dashCsvBadOwner', columns: 'dashCsvExtraFields' } as const;

/** A row's mistakes seen in the browser, in words. */
function rowErrors(t: T, r: PreviewRow): string {
  return r.errors.map((e) => (e === 'type' ? t('dashCsvBadType', r.values.type ?? '') : t(rowErrorKey[e]))).join(' ');
}

/**
 * The rows the import would read, each with the browser's verdict and then the server's (from its dry run), and the
 * import button for the rows that pass.
 */
export function CsvPreviewBlock(props: {
  preview: CsvPreview;
  server: ImportReport | null;
  checkError: StoredError | null;
  busy: boolean;
  onImport(): void;
}) {
  const { t } = useDashboard();
  const { preview, server, checkError } = props;
  const serverRow = new Map(server?.rows.map((r) => [r.row, r]));
  // Once the server has checked the file, its verdict counts (it also knows owners, identities held by others…).
  const bad = server ? server.errors : preview.rows.filter((r) => r.errors.length).length;
  const verdict = (r: PreviewRow): { bad: boolean; text: string } => {
    if (r.errors.length) return { bad: true, text: rowErrors(t, r) };
    const v = serverRow.get(r.line);
    if (!v) return { bad: false, text: t('dashCsvLooksRight') };
    if (v.status === 'error') return { bad: true, text: t('dashCsvRefusedBecause', v.message) };
    return { bad: false, text: v.status === 'created' ? t('dashCsvWillCreate') : t('dashCsvWillUpdate') };
  };
  return (
    <>
      <p role="status">{t('dashCsvPreviewSummary', preview.rows.length, preview.rows.length - bad, bad)}</p>
      <p className="pg-muted dash-hint" data-testid="csv-server-check">
        {server
          ? t('dashCsvServerSummary', server.created, server.updated, server.errors)
          : checkError
            ? t('dashLoadFailed', t('dashCsvPreview'), errorText(t, checkError))
            : t('dashCsvChecking')}
      </p>
      <CsvPreviewTable rows={preview.rows.slice(0, PREVIEW_ROWS)} verdict={verdict} />
      {preview.rows.length > PREVIEW_ROWS && (
        <p className="pg-muted">{t('dashCsvMoreRows', preview.rows.length - PREVIEW_ROWS)}</p>
      )}
      <div className="pg-actions">
        <button
          type="button"
          className="pg-button pg-primary"
          disabled={props.busy || preview.rows.length === bad}
          onClick={props.onImport}
        >
          {props.busy ? t('dashCsvImporting') : t('dashCsvImportN', preview.rows.length - bad, preview.rows.length)}
        </button>
      </div>
      {bad > 0 && <p className="pg-muted dash-hint">{t('dashCsvBadRowsNote')}</p>}
    </>
  );
}

/** The rows as read, each with its verdict. */
function CsvPreviewTable({
  rows,
  verdict,
}: {
  rows: PreviewRow[];
  verdict(r: PreviewRow): { bad: boolean; text: string };
}) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap dash-scroll">
      <table className="dash-table" aria-label={t('dashCsvPreview')}>
        <thead>
          <tr>
            <th scope="col">{t('dashCsvLine')}</th>
            <th scope="col">{t('stakeholderName')}</th>
            <th scope="col">{t('dashColType')}</th>
            <th scope="col">{t('dashColTier')}</th>
            <th scope="col">{t('dashOrganization')}</th>
            <th scope="col" className="dash-num">
              {t('dashIdentitiesShort')}
            </th>
            <th scope="col">{t('dashCsvCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = verdict(r);
            return (
              <tr key={r.line}>
                <td className="dash-num">{r.line}</td>
                <td>{r.values.name}</td>
                <td>{r.values.type}</td>
                <td>{r.values.tier}</td>
                <td>{r.values.organization}</td>
                <td className="dash-num">{r.identities}</td>
                <td className={v.bad ? 'pg-error' : 'pg-ok'}>{v.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const statusKey = { created: 'dashCsvCreated', updated: 'dashCsvUpdated', error: 'dashCsvError' } as const;

/** The server's report of the import, row by row. */
export function CsvReportBlock({ report }: { report: ImportReport }) {
  const { t } = useDashboard();
  return (
    <div role="status" aria-label={t('dashCsvReport')}>
      <p className={report.errors ? 'pg-warn' : 'pg-ok'}>
        {t('dashCsvReportSummary', report.created, report.updated, report.errors)}
      </p>
      <div className="dash-table-wrap dash-scroll">
        <table className="dash-table" aria-label={t('dashCsvReport')}>
          <thead>
            <tr>
              <th scope="col">{t('dashCsvLine')}</th>
              <th scope="col">{t('dashColStatus')}</th>
              <th scope="col">{t('dashCsvMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row}>
                <td className="dash-num">{r.row}</td>
                <td className={r.status === 'error' ? 'pg-error' : 'pg-ok'}>{t(statusKey[r.status])}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
