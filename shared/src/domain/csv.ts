/**
 * CSV as RFC 4180 says (https://www.rfc-editor.org/rfc/rfc4180): comma-separated, CRLF between records, a field
 * quoted when it holds a comma, a quote, CR or LF, quotes inside doubled. One reader and writer for the
 * dashboard's exports and previews and the server's stakeholder import, so both read a file the same way.
 */

/** A value as it goes into a CSV field: null and undefined are written as an empty field. */
export type CsvCell = string | number | boolean | null | undefined;

/** One record of a CSV text and the 1-based line it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; fields: string[] };

/** The text is not CSV; `line` is where the problem is, `message` says what it is without the line. */
export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

/** One field, quoted only when it needs to be. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV document: the header line, then one record per row (no trailing line break, as RFC 4180 allows). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n');
}

/**
 * The records of a CSV text. Accepts CRLF or LF, a leading UTF-8 byte-order mark (Excel writes one) and quoted
 * fields across lines. A blank line (or one of only `""`) is a record of one empty field unless `skipBlankLines`
 * drops it; a last record without a line break is kept.
 *
 * @throws CsvParseError on text after a closing quote or a quoted field that is never closed
 */
export function parseCsv(text: string, opts: { skipBlankLines?: boolean } = {}): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  // Whether the field has begun, an empty quoted one included: so a final `""` with no line break is a record.
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!(blank && opts.skipBlankLines)) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvParseError(
            'unexpected text after a closing quote (a quoted field must end at a comma or the end of the line)',
            line,
          );
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvParseError('a quoted field is not closed', recordLine);
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}
