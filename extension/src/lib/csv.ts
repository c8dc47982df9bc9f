/**
 * CSV as RFC 4180 says (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records, a field quoted when it
 * holds a comma, a quote, CR or LF, quotes inside doubled. Exports start with a UTF-8 byte-order mark so Excel
 * opens Chinese text as UTF-8 instead of the system code page.
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV document: the header line, then one record per row (no trailing line break, as RFC 4180 allows). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n');
}

/** The same document as Excel expects it: UTF-8 with a byte-order mark. */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + toCsv(header, rows);
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

/**
 * Records of a CSV text, each with the line it starts on (1-based), for previews that point at the line.
 * Accepts CRLF or LF, a leading BOM, quoted fields across lines; skips blank lines.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
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
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvParseError(`a quoted field must end at a comma or the end of the line`, line);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvParseError('a quoted field is not closed', recordLine);
  if (field !== '' || fields.length) endRecord();
  return out;
}
