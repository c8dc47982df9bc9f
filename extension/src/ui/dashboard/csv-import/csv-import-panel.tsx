import { useState } from 'react';
import { JobProgress } from '../../jobs/job-progress';
import { useJobPoll } from '../../jobs/use-job-poll';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { CsvPreviewBlock, CsvReportBlock, problemText } from './csv-import-blocks';
import { readCsvFile } from './csv-read';
import type { CsvImportKind, CsvReport } from './csv-import-kind';
import { useCsvImport, useServerCheck } from './use-csv-import';

/**
 * A CSV import. The preview shows, row by row with its line, the mistakes seen at once in the browser and then the
 * server's own verdict from a dry run of the very same import, before anything is written; after the import, the
 * server's report per row.
 */
export function CsvImportPanel<Row extends { line: number }, Report extends CsvReport>({
  kind,
  onImported,
}: {
  kind: CsvImportKind<Row, Report>;
  onImported(): void;
}) {
  const { t } = useDashboard();
  const { text, preview, busy, error, report, jobId, load, run } = useCsvImport(kind, onImported);
  const check = useServerCheck(kind, text, preview);
  const checkJob = useJobPoll(check.server || check.checkError ? null : check.jobId);
  // The import's job is shown while it runs and, when the request failed, how it ended on the server.
  const runJob = useJobPoll(busy || error ? jobId : null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const read = await readCsvFile(file);
    if ('text' in read) {
      setFileProblem(null);
      load(read.text);
    } else {
      setFileProblem(t(read.refusal === 'damaged' ? 'dashCsvDamaged' : 'dashCsvUnknownEncoding'));
    }
  };
  const problem = preview?.problem;
  const id = kind.idPrefix;

  return (
    <section className="pg-card" aria-labelledby={`${id}-import-h`}>
      <h3 id={`${id}-import-h`}>{kind.title}</h3>
      <p className="pg-muted dash-hint">{kind.columnsHint}</p>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={`${id}-csv-file`}>{t('dashCsvFile')}</label>
          <input
            id={`${id}-csv-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </div>
      </div>
      {fileProblem && (
        <p role="alert" className="pg-error">
          {fileProblem}
        </p>
      )}
      <div className="pg-field">
        <label htmlFor={`${id}-csv-text`}>{t('dashCsvPaste')}</label>
        <textarea
          id={`${id}-csv-text`}
          rows={4}
          value={text}
          onChange={(e) => load(e.target.value)}
          placeholder={kind.placeholder}
        />
      </div>
      {problem && (
        <p role="alert" className="pg-error">
          {problemText(t, problem)}
        </p>
      )}
      {/* After an import its report speaks; editing the text brings the preview back. */}
      {preview && !problem && !report && !busy && !error && <JobProgress t={t} job={checkJob} />}
      {preview && !problem && !report && (
        <CsvPreviewBlock
          kind={kind}
          rows={preview.rows}
          server={check.server}
          checkError={check.checkError}
          busy={busy}
          onImport={() => void run()}
        />
      )}
      {(busy || error) && <JobProgress t={t} job={runJob} />}
      {/* A job that failed has said why, in the words of the server. */}
      {error && runJob?.state !== 'failed' && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {report && <CsvReportBlock report={report} summary={kind.reportSummary(report)} statusText={kind.statusText} />}
    </section>
  );
}
