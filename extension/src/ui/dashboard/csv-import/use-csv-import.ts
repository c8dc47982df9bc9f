import { useEffect, useRef, useState } from 'react';
import { ulid } from 'ulid';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import type { CsvImportKind, CsvReport } from './csv-import-kind';
import type { CsvProblem } from './csv-read';

/** Typing pauses this long before the file is checked with the server again. */
const CHECK_DELAY_MS = 400;

type Preview<Row> = { problem: CsvProblem | null; rows: Row[] };

/** The server's dry run of the very same import, once typing pauses: its report for `text`, or why it failed. */
export function useServerCheck<Row extends { line: number }, Report extends CsvReport>(
  kind: CsvImportKind<Row, Report>,
  text: string,
  preview: Preview<Row> | null,
) {
  /** The dry run's report and the text it checked (null while checking or when the file cannot be sent). */
  const [verdict, setVerdict] = useState<{ text: string; report: Report } | null>(null);
  const [checkError, setCheckError] = useState<StoredError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const follows = kind.followsJob === true;
  const send = useRef(kind.send);
  send.current = kind.send;
  const checkable = preview !== null && !preview.problem && preview.rows.length > 0;
  useEffect(() => {
    setVerdict(null);
    setCheckError(null);
    setJobId(null);
    if (!checkable) return;
    let live = true;
    const timer = setTimeout(() => {
      const id = follows ? ulid() : undefined;
      setJobId(id ?? null);
      withApi((c) => send.current(c, text, true, id)).then(
        (r) => live && setVerdict({ text, report: r }),
        (e: unknown) => live && setCheckError(toStoredError(e)),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, checkable, follows]);
  return { server: verdict?.text === text ? verdict.report : null, checkError, jobId };
}

/** The file as typed or read, its preview in the browser, and the import itself with the server's report. */
export function useCsvImport<Row extends { line: number }, Report extends CsvReport>(
  kind: CsvImportKind<Row, Report>,
  onImported: () => void,
) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview<Row> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const load = (csv: string) => {
    setJobId(null);
    setText(csv);
    setReport(null);
    setError(null);
    setPreview(csv.trim() ? kind.preview(csv) : null);
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    const id = kind.followsJob ? ulid() : undefined;
    setJobId(id ?? null);
    try {
      setReport(await withApi((c) => kind.send(c, text, false, id)));
      onImported();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  return { text, preview, busy, error, report, jobId, load, run };
}
