import type { ReactNode } from 'react';
import type { ApiClient } from '../../../lib/api/client';
import type { CsvProblem } from './csv-read';

/** What every import procedure reports: a verdict per row (with its line) and how many it refused. */
export interface CsvReport {
  rows: { row: number; status: string; message: string }[];
  errors: number;
}

/**
 * One kind of CSV import (stakeholders, survey responses): how the browser previews a file, which procedure checks
 * and applies it, and the words of its verdicts. The panel, the dry-run check and the report are the same for all.
 */
export interface CsvImportKind<Row extends { line: number }, Report extends CsvReport> {
  /** Prefix of the panel's element ids. */
  idPrefix: string;
  title: string;
  /** The columns the import reads, and how. */
  columnsHint: string;
  placeholder: string;
  /** The file as the browser reads it: why it cannot be imported at all, or its rows. */
  preview(text: string): { problem: CsvProblem | null; rows: Row[] };
  /** A row's mistakes seen in the browser, in words; empty when it has none. */
  rowErrors(row: Row): string;
  /** The preview table's columns between the line and the verdict. */
  columns: { label: string; numeric?: boolean; cell(row: Row): ReactNode }[];
  /**
   * The import procedure: `dryRun` checks every row and writes nothing. With `followsJob`, it is sent a `jobId`
   * under which the server shows its progress (`jobs.get`).
   */
  send(client: ApiClient, csv: string, dryRun: boolean, jobId?: string): Promise<Report>;
  followsJob?: boolean;
  /** The dry run's counts, in a sentence. */
  serverSummary(report: Report): string;
  /** What the import will do with a row the dry run accepts. */
  willText(status: string): string;
  /** The import's counts, in a sentence. */
  reportSummary(report: Report): string;
  /** A row's status in the report. */
  statusText(status: string): string;
}
