import { CsvParseError, type CsvDecodeRefusal, decodeCsvBytes, parseCsv } from '@comms-log/shared';

/**
 * A picked file's text in whichever encoding Excel or WPS saved it (UTF-8 with or without BOM, UTF-16 with BOM,
 * GB18030 on a Chinese Windows machine), or why it cannot be read — never text with U+FFFD in place of a name.
 */
export async function readCsvFile(file: Blob): Promise<{ text: string } | { refusal: CsvDecodeRefusal }> {
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  return 'text' in decoded ? { text: decoded.text } : { refusal: decoded.reason };
}

/** Why a file cannot be imported at all. */
export type CsvProblem =
  | { kind: 'unreadable'; line: number; message: string }
  | { kind: 'empty' }
  | { kind: 'unknownColumns'; columns: string[] }
  | { kind: 'missingColumns'; columns: string[] };

/** One data row of the file, its cells keyed by the header's (lower-cased) column names. */
export interface CsvRecord {
  /** The row's line in the file (the header is line 1), as the server reports it. */
  line: number;
  values: Record<string, string>;
  /** The row has non-empty fields beyond the header's columns. */
  extraFields: boolean;
}

/**
 * The rows of an import file as the server will read them, or why it cannot: a file that does not parse, has no
 * header, names a column the import does not know (`known`) or lacks one it needs (`required`).
 */
export function readCsvRecords(
  text: string,
  columnsOf: { known: readonly string[]; required: readonly string[] },
): { problem: CsvProblem | null; columns: string[]; records: CsvRecord[] } {
  let parsed: { line: number; fields: string[] }[];
  try {
    parsed = parseCsv(text, { skipBlankLines: true });
  } catch (e) {
    if (e instanceof CsvParseError)
      return { problem: { kind: 'unreadable', line: e.line, message: e.message }, columns: [], records: [] };
    throw e;
  }
  const header = parsed.shift();
  if (!header) return { problem: { kind: 'empty' }, columns: [], records: [] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => c !== '' && !columnsOf.known.includes(c));
  if (unknown.length) return { problem: { kind: 'unknownColumns', columns: unknown }, columns, records: [] };
  const missing = columnsOf.required.filter((c) => !columns.includes(c));
  if (missing.length) return { problem: { kind: 'missingColumns', columns: missing }, columns, records: [] };
  const records = parsed.map(({ line, fields }) => {
    const values: Record<string, string> = {};
    for (const [i, c] of columns.entries()) if (c) values[c] = (fields[i] ?? '').trim();
    const extraFields = fields.length > columns.length && fields.slice(columns.length).some((x) => x.trim() !== '');
    return { line, values, extraFields };
  });
  return { problem: null, columns, records };
}
