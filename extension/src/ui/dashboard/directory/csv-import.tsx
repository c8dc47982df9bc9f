import { useState } from 'react';
import { toStoredError, type StoredError } from '../../../lib/api-error';
import { withApi } from '../../../lib/server-session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { importColumns, previewStakeholderCsv, type CsvPreview, type PreviewRow } from './csv-preview';

type ImportReport = { rows: { row: number; status: 'created' | 'updated' | 'error'; message: string }[]; created: number; updated: number; errors: number };

const PREVIEW_ROWS = 200;

/** CSV import of stakeholders: a preview with the mistakes visible before sending, then the server's report per row. */
export function CsvImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const load = (csv: string) => {
    setText(csv);
    setReport(null);
    setError(null);
    setPreview(csv.trim() ? previewStakeholderCsv(csv) : null);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await withApi((c) => c.directory.importCsv.mutate({ csv: text })));
      onImported();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };

  const errorWords = (r: PreviewRow) =>
    r.errors
      .map((e) => (e === 'name' ? t('dashCsvNoName') : e === 'type' ? t('dashCsvBadType', r.values.type ?? '') : e === 'owner' ? t('dashCsvBadOwner') : t('dashCsvExtraFields')))
      .join(' ');
  const bad = preview?.rows.filter((r) => r.errors.length).length ?? 0;
  const problem = preview?.problem;

  return (
    <section className="pg-card" aria-labelledby="dir-import-h">
      <h3 id="dir-import-h">{t('dashCsvImport')}</h3>
      <p className="pg-muted dash-hint">{t('dashCsvColumns', importColumns.join(','))}</p>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dir-csv-file">{t('dashCsvFile')}</label>
          <input id="dir-csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(load)} />
        </div>
      </div>
      <div className="pg-field">
        <label htmlFor="dir-csv-text">{t('dashCsvPaste')}</label>
        <textarea id="dir-csv-text" rows={4} value={text} onChange={(e) => load(e.target.value)} placeholder="name,type,tier,emails&#10;Acme,customer,key,info@acme.com" />
      </div>
      {problem && (
        <p role="alert" className="pg-error">
          {problem.kind === 'unreadable'
            ? t('dashCsvUnreadable', problem.line, problem.message)
            : problem.kind === 'empty'
              ? t('dashCsvEmpty')
              : problem.kind === 'unknownColumns'
                ? t('dashCsvUnknownColumns', problem.columns.join(', '))
                : t('dashCsvMissingColumns', problem.columns.join(', '))}
        </p>
      )}
      {preview && !problem && (
        <>
          <p role="status">{t('dashCsvPreviewSummary', preview.rows.length, preview.rows.length - bad, bad)}</p>
          <div className="dash-table-wrap dash-scroll">
            <table className="dash-table" aria-label={t('dashCsvPreview')}>
              <thead>
                <tr>
                  <th scope="col">{t('dashCsvLine')}</th>
                  <th scope="col">{t('stakeholderName')}</th>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col">{t('dashColTier')}</th>
                  <th scope="col">{t('dashOrganization')}</th>
                  <th scope="col" className="dash-num">{t('dashIdentitiesShort')}</th>
                  <th scope="col">{t('dashCsvCheck')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.line}>
                    <td className="dash-num">{r.line}</td>
                    <td>{r.values.name}</td>
                    <td>{r.values.type}</td>
                    <td>{r.values.tier}</td>
                    <td>{r.values.organization}</td>
                    <td className="dash-num">{r.identities}</td>
                    <td className={r.errors.length ? 'pg-error' : 'pg-ok'}>{r.errors.length ? errorWords(r) : t('dashCsvLooksRight')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows.length > PREVIEW_ROWS && <p className="pg-muted">{t('dashCsvMoreRows', preview.rows.length - PREVIEW_ROWS)}</p>}
          <div className="pg-actions">
            <button type="button" className="pg-button pg-primary" disabled={busy || preview.rows.length === bad} onClick={() => void run()}>
              {busy ? t('dashCsvImporting') : t('dashCsvImportN', preview.rows.length - bad, preview.rows.length)}
            </button>
          </div>
          {bad > 0 && <p className="pg-muted dash-hint">{t('dashCsvBadRowsNote')}</p>}
        </>
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {report && (
        <div role="status" aria-label={t('dashCsvReport')}>
          <p className={report.errors ? 'pg-warn' : 'pg-ok'}>{t('dashCsvReportSummary', report.created, report.updated, report.errors)}</p>
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
                    <td className={r.status === 'error' ? 'pg-error' : 'pg-ok'}>
                      {r.status === 'created' ? t('dashCsvCreated') : r.status === 'updated' ? t('dashCsvUpdated') : t('dashCsvError')}
                    </td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
