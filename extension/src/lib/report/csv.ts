import { toCsv, type CsvCell } from '@comms-log/shared';

/**
 * Exports start with a UTF-8 byte-order mark so Excel opens Chinese text as UTF-8 instead of the system code
 * page. The CSV itself (RFC 4180) is written and read by `@comms-log/shared`'s toCsv and parseCsv.
 */
const BOM = '\uFEFF';

/** The document as Excel expects it: UTF-8 with a byte-order mark. */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + toCsv(header, rows);
}
