import { stakeholderCsvColumns, stakeholderTypes } from '@comms-log/shared';
import { readCsvRecords, type CsvProblem } from '../csv-import/csv-read';

/** The columns `directory.importCsv` reads; multi-values split by ";". */
export const importColumns = stakeholderCsvColumns;

export interface PreviewRow {
  /** The row's line in the file (the header is line 1), as the server reports it. */
  line: number;
  values: Record<string, string>;
  identities: number;
  errors: ('name' | 'type' | 'owner' | 'columns')[];
}

export interface CsvPreview {
  problem: CsvProblem | null;
  columns: string[];
  rows: PreviewRow[];
}

const typeSet = new Set<string>(stakeholderTypes);
const identityColumns = ['emails', 'domains', 'weibo', 'jira', 'trello', 'phones'];

/**
 * What an import would read from the file, row by row, with the mistakes that can be seen without the server:
 * unknown or missing columns, an empty name, an unknown type, an owner that is not an address, a row with more
 * fields than the header. The server's dry run of the same import (csv-import.tsx) then gives its own verdict per row.
 */
export function previewStakeholderCsv(text: string): CsvPreview {
  const { problem, columns, records } = readCsvRecords(text, { known: importColumns, required: ['name', 'type'] });
  const rows = records.map(({ line, values, extraFields }) => {
    const errors: PreviewRow['errors'] = [];
    if (!values.name) errors.push('name');
    if (!typeSet.has((values.type ?? '').toLowerCase())) errors.push('type');
    if (values.owner_email && !/^[^@\s]+@[^@\s]+$/.test(values.owner_email)) errors.push('owner');
    if (extraFields) errors.push('columns');
    const identities = identityColumns.reduce(
      (n, c) => n + (values[c] ?? '').split(';').filter((v) => v.trim()).length,
      0,
    );
    return { line, values, identities, errors };
  });
  return { problem, columns, rows };
}
