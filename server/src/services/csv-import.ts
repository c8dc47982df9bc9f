import { TRPCError } from '@trpc/server';
import { CsvParseError, parseCsv, type CsvRecord } from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../db/client';
import { describeZodError } from '../trpc';
import { eventLoopSlices } from './event-loop-slices';

/*
 * What the CSV imports share (stakeholders, survey responses, media coverage): reading the file, the dry run that
 * rolls back, and for the record imports a verdict per row.
 */

const MAX_IMPORT_ROWS = 10_000;

/**
 * The header's column names (lower-cased) and the non-blank rows of `csv`; BAD_REQUEST for a file that cannot be
 * imported (unreadable, empty, an unknown or a missing required column, too many rows).
 */
export function readImportCsv(
  csv: string,
  spec: { columns: readonly string[]; required: readonly string[] },
): { names: string[]; rows: CsvRecord[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvParseError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: `The CSV cannot be read: line ${e.line}: ${e.message}.` });
    throw e;
  }
  const header = records.shift();
  if (!header) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The CSV is empty: it needs a header line.' });
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => n !== '' && !spec.columns.includes(n));
  if (unknown.length) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Unknown column(s): ${unknown.join(', ')}. The columns are: ${spec.columns.join(',')}.`,
    });
  }
  for (const required of spec.required) {
    if (!names.includes(required))
      throw new TRPCError({ code: 'BAD_REQUEST', message: `The header needs a "${required}" column.` });
  }
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${rows.length}.`,
    });
  }
  return { names, rows };
}

/** Thrown out of a dry run's transaction so that it rolls back, carrying the report out. */
class DryRunRollback<R> extends Error {
  constructor(readonly report: R) {
    super('dry run: rolled back');
  }
}

/**
 * Run an import in one transaction and return its report; with `dryRun` the very same import runs and is rolled
 * back, so its verdicts are the ones a real import would give and nothing is written.
 */
export async function runImport<R>(db: DbOrTx, dryRun: boolean, run: (tx: DbOrTx) => Promise<R>): Promise<R> {
  try {
    return await db.transaction(async (tx) => {
      const report = await run(tx);
      if (dryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.report as R;
    throw e;
  }
}

const COMMIT_SLICE_MS = 100;

/**
 * Apply `rows` one by one with `each`, committing about every 100 ms of work, so pushes and other writes waiting
 * for the writer go between its slices instead of after the whole file; within a slice the event loop runs every
 * 20 ms (`eventLoopSlices`), for /healthz and reads. Rows are independent (each in its own savepoint), so a slice
 * committed before a later one fails keeps its rows, as a re-run of the import would write them anyway.
 */
export async function importInSlices<T>(
  db: DbOrTx,
  rows: readonly T[],
  each: (tx: DbOrTx, row: T) => Promise<void>,
): Promise<void> {
  const nextSlice = eventLoopSlices();
  for (let i = 0; i < rows.length; ) {
    await db.transaction(async (tx) => {
      const sliceStart = performance.now();
      do {
        await nextSlice();
        await each(tx, rows[i++]!);
      } while (i < rows.length && performance.now() - sliceStart < COMMIT_SLICE_MS);
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The row's cells by the header's column names. */
function cellsOf(names: string[], record: CsvRecord): Record<string, string> {
  const cells: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name !== '') cells[name] = record.fields[i] ?? '';
  });
  return cells;
}

/** Why a row is not imported, and what its report names all the same (the stakeholder it resolved to). */
export class RowRefused<Ids> extends Error {
  constructor(
    message: string,
    readonly ids: Partial<Ids> = {},
  ) {
    super(message);
  }
}

/** The row's cells read by `schema`; a RowRefused naming every mistake when they do not pass. */
export function readRow<S extends z.ZodType>(schema: S, names: string[], record: CsvRecord): z.output<S> {
  const parsed = schema.safeParse(cellsOf(names, record));
  if (!parsed.success) throw new RowRefused(describeZodError(parsed.error));
  return parsed.data;
}

/** The report of a record import (survey responses, coverage): each row with its line, and the counts. */
export interface RecordImportReport<Ids> {
  rows: ({ row: number; status: 'created' | 'error'; message: string } & Ids)[];
  created: number;
  errors: number;
  dryRun: boolean;
}

/**
 * Import the rows one by one with `importRow`, which returns the created row's message and ids. A row it refuses
 * (a RowRefused, or a TRPCError: a value the service refuses) is reported with its message and the next row is
 * imported; anything else aborts the import. `noIds` are the ids of a refused row.
 */
export async function importEachRow<Ids extends object>(
  rows: CsvRecord[],
  report: RecordImportReport<Ids>,
  noIds: Ids,
  importRow: (record: CsvRecord) => Promise<{ message: string; ids: Ids }>,
): Promise<void> {
  const nextSlice = eventLoopSlices();
  for (const record of rows) {
    await nextSlice();
    try {
      const { message, ids } = await importRow(record);
      report.rows.push({ row: record.line, status: 'created', message, ...ids });
      report.created++;
    } catch (e) {
      if (!(e instanceof RowRefused || e instanceof TRPCError)) throw e;
      const ids = e instanceof RowRefused ? (e.ids as Partial<Ids>) : {};
      report.rows.push({ row: record.line, status: 'error', message: e.message, ...noIds, ...ids });
      report.errors++;
    }
  }
}
