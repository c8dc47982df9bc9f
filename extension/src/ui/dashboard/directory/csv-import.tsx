import { useEffect, useState } from 'react';
import type { ImportReport } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { CsvPreviewBlock, CsvReportBlock, problemText } from './csv-import-results';
import { importColumns, previewStakeholderCsv, type CsvPreview } from './csv-preview';

/** Typing pauses this long before the file is checked with the server again. */
const CHECK_DELAY_MS = 400;

/** The server's dry run of the very same import, once typing pauses: its report for `text`, or why it failed. */
function useServerCheck(text: string, preview: CsvPreview | null) {
  /** The dry run's report and the text it checked (null while checking or when the file cannot be sent). */
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
  return { server: verdict?.text === text ? verdict.report : null, checkError };
}

/** The file as typed or read, its preview in the browser, and the import itself with the server's report. */
function useCsvImport(onImported: () => void) {
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
  return { text, preview, busy, error, report, load, run };
}

/**
 * CSV import of stakeholders. The preview shows, row by row, the mistakes seen at once in the browser and then the
 * server's own verdict from a dry run of the very same import (created, updated or refused, and why), before
 * anything is written; after the import, the server's report per row.
 */
export function CsvImport({ onImported }: { onImported(): void }) {
  const { t } = useDashboard();
  const { text, preview, busy, error, report, load, run } = useCsvImport(onImported);
  const check = useServerCheck(text, preview);
  const problem = preview?.problem;

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
          {problemText(t, problem)}
        </p>
      )}
      {/* After an import its report speaks; editing the text brings the preview back. */}
      {preview && !problem && !report && (
        <CsvPreviewBlock
          preview={preview}
          server={check.server}
          checkError={check.checkError}
          busy={busy}
          onImport={() => void run()}
        />
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {report && <CsvReportBlock report={report} />}
    </section>
  );
}
