import { CsvParseError, parseCsv, stakeholderCsvColumns, stakeholderTypes } from '@comms-log/shared';

/** The columns `directory.importCsv` reads; multi-values split by ";". */
export const importColumns = stakeholderCsvColumns;

export type PreviewProblem =
  | { kind: 'unreadable'; line: number; message: string }
  | { kind: 'empty' }
  | { kind: 'unknownColumns'; columns: string[] }
  | { kind: 'missingColumns'; columns: string[] };

export interface PreviewRow {
  /** The row's line in the file (the header is line 1), as the server reports it. */
  line: number;
  values: Record<string, string>;
  identities: number;
  errors: ('name' | 'type' | 'owner' | 'columns')[];
}

export interface CsvPreview {
  problem: PreviewProblem | null;
  columns: string[];
  rows: PreviewRow[];
}

const typeSet = new Set<string>(stakeholderTypes);

/**
 * What an import would read from the file, row by row, with the mistakes that can be seen without the server:
 * unknown or missing columns, an empty name, an unknown type, an owner that is not an address, a row with more
 * fields than the header. The server's dry run of the same import (csv-import.tsx) then gives its own verdict per row.
 */
export function previewStakeholderCsv(text: string): CsvPreview {
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text, { skipBlankLines: true });
  } catch (e) {
    if (e instanceof CsvParseError)
      return { problem: { kind: 'unreadable', line: e.line, message: e.message }, columns: [], rows: [] };
    throw e;
  }
  const header = records.shift();
  if (!header) return { problem: { kind: 'empty' }, columns: [], rows: [] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => c !== '' && !(importColumns as readonly string[]).includes(c));
  if (unknown.length) return { problem: { kind: 'unknownColumns', columns: unknown }, columns, rows: [] };
  const missing = ['name', 'type'].filter((c) => !columns.includes(c));
  if (missing.length) return { problem: { kind: 'missingColumns', columns: missing }, columns, rows: [] };
  const rows = records.map(({ line, fields }) => {
    const values: Record<string, string> = {};
    for (const [i, c] of columns.entries()) if (c) values[c] = (fields[i] ?? '').trim();
    const errors: PreviewRow['errors'] = [];
    if (!values.name) errors.push('name');
    if (!typeSet.has((values.type ?? '').toLowerCase())) errors.push('type');
    if (values.owner_email && !/^[^@\s]+@[^@\s]+$/.test(values.owner_email)) errors.push('owner');
    if (fields.length > columns.length && fields.slice(columns.length).some((x) => x.trim())) errors.push('columns');
    const identities = ['emails', 'domains', 'weibo', 'jira', 'trello', 'phones'].reduce(
      (n, c) => n + (values[c] ?? '').split(';').filter((v) => v.trim()).length,
      0,
    );
    return { line, values, identities, errors };
  });
  return { problem: null, columns, rows };
}
