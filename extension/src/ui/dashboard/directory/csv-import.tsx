import { useEffect, useState } from 'react';
import type { ImportReport } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { importColumns, previewStakeholderCsv, type CsvPreview, type PreviewRow } from './csv-preview';

const PREVIEW_ROWS = 200;
/** Typing pauses this long before the file is checked with the server again. */
const CHECK_DELAY_MS = 400;

/**
 * CSV import of stakeholders. The preview shows, row by row, the mistakes seen at once in the browser and then the
 * server's own verdict from a dry run of the very same import (created, updated or refused, and why), before
 * anything is written; after the import, the server's report per row.
 */
export function CsvImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The server's dry run of `text` (null while checking or when the file cannot be sent). */
  const [verdict, setVerdict] = useState<{ text: string; report: ImportReport } | null>(null);
  const [checkError, setCheckError] = useState<StoredError | null>(null);
  const checkable = preview !== null && !preview.problem && preview.rows.length > 0;

  useEffect(() => {
    setVerdict(null);
    setCheckError(null);
    if (!checkable) return;
    let live = true;
    const timer = setTimeout(() => {
      withApi((c) => c.directory.importCsv.mutate({ csv: text, dryRun: true })).then(
        (r) => live && setVerdict({ text, report: r }),
        (e: unknown) => live && setCheckError(toStoredError(e)),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, checkable]);

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
      .map((e) =>
        e === 'name'
          ? t('dashCsvNoName')
          : e === 'type'
            ? t('dashCsvBadType', r.values.type ?? '')
            : e === 'owner'
              ? t('dashCsvBadOwner')
              : t('dashCsvExtraFields'),
      )
      .join(' ');
  const server = verdict?.text === text ? verdict.report : null;
  const serverRow = new Map(server?.rows.map((r) => [r.row, r]));
  const clientBad = preview?.rows.filter((r) => r.errors.length).length ?? 0;
  // Once the server has checked the file, its verdict counts (it also knows owners, identities held by others…).
  const bad = server ? server.errors : clientBad;
  const problem = preview?.problem;
  const verdictWords = (r: PreviewRow) => {
    if (r.errors.length) return errorWords(r);
    const v = serverRow.get(r.line);
    if (!v) return t('dashCsvLooksRight');
    if (v.status === 'error') return t('dashCsvRefusedBecause', v.message);
    return v.status === 'created' ? t('dashCsvWillCreate') : t('dashCsvWillUpdate');
  };
  const isBad = (r: PreviewRow) => r.errors.length > 0 || serverRow.get(r.line)?.status === 'error';

  return (
    <section className="pg-card" aria-labelledby="dir-import-h">
      <h3 id="dir-import-h">{t('dashCsvImport')}</h3>
      <p className="pg-muted dash-hint">{t('dashCsvColumns', importColumns.join(','))}</p>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dir-csv-file">{t('dashCsvFile')}</label>
          <input
            id="dir-csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void e.target.files?.[0]?.text().then(load)}
          />
        </div>
      </div>
      <div className="pg-field">
        <label htmlFor="dir-csv-text">{t('dashCsvPaste')}</label>
        <textarea
          id="dir-csv-text"
          rows={4}
          value={text}
          onChange={(e) => load(e.target.value)}
          placeholder="name,type,tier,emails&#10;Acme,customer,key,info@acme.com"
        />
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
      {/* After an import its report speaks; editing the text brings the preview back. */}
      {preview && !problem && !report && (
        <>
          <p role="status">{t('dashCsvPreviewSummary', preview.rows.length, preview.rows.length - bad, bad)}</p>
          <p className="pg-muted dash-hint" data-testid="csv-server-check">
            {server
              ? t('dashCsvServerSummary', server.created, server.updated, server.errors)
              : checkError
                ? t('dashLoadFailed', t('dashCsvPreview'), errorText(t, checkError))
                : t('dashCsvChecking')}
          </p>
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
                {preview.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.line}>
                    <td className="dash-num">{r.line}</td>
                    <td>{r.values.name}</td>
                    <td>{r.values.type}</td>
                    <td>{r.values.tier}</td>
                    <td>{r.values.organization}</td>
                    <td className="dash-num">{r.identities}</td>
                    <td className={isBad(r) ? 'pg-error' : 'pg-ok'}>{verdictWords(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows.length > PREVIEW_ROWS && (
            <p className="pg-muted">{t('dashCsvMoreRows', preview.rows.length - PREVIEW_ROWS)}</p>
          )}
          <div className="pg-actions">
            <button
              type="button"
              className="pg-button pg-primary"
              disabled={busy || preview.rows.length === bad}
              onClick={() => void run()}
            >
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
                    <td className={r.status === 'error' ? 'pg-error' : 'pg-ok'}>
                      {r.status === 'created'
                        ? t('dashCsvCreated')
                        : r.status === 'updated'
                          ? t('dashCsvUpdated')
                          : t('dashCsvError')}
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
