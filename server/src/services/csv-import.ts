import { TRPCError } from '@trpc/server';
import { CsvParseError, parseCsv, type CsvRecord } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';

/* What the CSV imports share (stakeholders, survey responses): reading the file, and the dry run that rolls back. */

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
