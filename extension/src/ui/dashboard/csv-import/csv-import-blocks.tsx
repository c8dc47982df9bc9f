import type { StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import type { T } from '../../use-t';
import { useDashboard } from '../dashboard-context';
import type { CsvImportKind, CsvReport } from './csv-import-kind';
import type { CsvProblem } from './csv-read';

const PREVIEW_ROWS = 200;

/** Why the file cannot be imported at all. */
export function problemText(t: T, problem: CsvProblem): string {
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

type Verdict = { bad: boolean; text: string };

/**
 * The rows the import would read, each with the browser's verdict and then the server's (from its dry run), and the
 * import button for the rows that pass.
 */
export function CsvPreviewBlock<Row extends { line: number }, Report extends CsvReport>(props: {
  kind: CsvImportKind<Row, Report>;
  rows: Row[];
  server: Report | null;
  checkError: StoredError | null;
  busy: boolean;
  onImport(): void;
}) {
  const { t } = useDashboard();
  const { kind, rows, server, checkError } = props;
  const serverRow = new Map(server?.rows.map((r) => [r.row, r]));
  // Once the server has checked the file, its verdict counts (it also knows owners, stakeholders, identities…).
  const bad = server ? server.errors : rows.filter((r) => kind.rowErrors(r)).length;
  const verdict = (r: Row): Verdict => {
    const mistakes = kind.rowErrors(r);
    if (mistakes) return { bad: true, text: mistakes };
    const v = serverRow.get(r.line);
    if (!v) return { bad: false, text: t('dashCsvLooksRight') };
    if (v.status === 'error') return { bad: true, text: t('dashCsvRefusedBecause', v.message) };
    return { bad: false, text: kind.willText(v.status) };
  };
  return (
    <>
      <p role="status">{t('dashCsvPreviewSummary', rows.length, rows.length - bad, bad)}</p>
      <p className="pg-muted dash-hint" data-testid="csv-server-check">
        {server
          ? kind.serverSummary(server)
          : checkError
            ? t('dashLoadFailed', t('dashCsvPreview'), errorText(t, checkError))
            : t('dashCsvChecking')}
      </p>
      <CsvPreviewTable kind={kind} rows={rows.slice(0, PREVIEW_ROWS)} verdict={verdict} />
      {rows.length > PREVIEW_ROWS && <p className="pg-muted">{t('dashCsvMoreRows', rows.length - PREVIEW_ROWS)}</p>}
      <div className="pg-actions">
        <button
          type="button"
          className="pg-button pg-primary"
          disabled={props.busy || rows.length === bad}
          onClick={props.onImport}
        >
          {props.busy ? t('dashCsvImporting') : t('dashCsvImportN', rows.length - bad, rows.length)}
        </button>
      </div>
      {bad > 0 && <p className="pg-muted dash-hint">{t('dashCsvBadRowsNote')}</p>}
    </>
  );
}

/** The rows as read, each with its line and verdict. */
function CsvPreviewTable<Row extends { line: number }, Report extends CsvReport>({
  kind,
  rows,
  verdict,
}: {
  kind: CsvImportKind<Row, Report>;
  rows: Row[];
  verdict(r: Row): Verdict;
}) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap dash-scroll">
      <table className="dash-table" aria-label={t('dashCsvPreview')}>
        <thead>
          <tr>
            <th scope="col">{t('dashCsvLine')}</th>
            {kind.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'dash-num' : undefined}>
                {c.label}
              </th>
            ))}
            <th scope="col">{t('dashCsvCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = verdict(r);
            return (
              <tr key={r.line}>
                <td className="dash-num">{r.line}</td>
                {kind.columns.map((c) => (
                  <td key={c.label} className={c.numeric ? 'dash-num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
                <td className={v.bad ? 'pg-error' : 'pg-ok'}>{v.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The server's report of the import, row by row. */
export function CsvReportBlock<Report extends CsvReport>({
  report,
  summary,
  statusText,
}: {
  report: Report;
  summary: string;
  statusText(status: string): string;
}) {
  const { t } = useDashboard();
  return (
    <div role="status" aria-label={t('dashCsvReport')}>
      <p className={report.errors ? 'pg-warn' : 'pg-ok'}>{summary}</p>
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
                <td className={r.status === 'error' ? 'pg-error' : 'pg-ok'}>{statusText(r.status)}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
