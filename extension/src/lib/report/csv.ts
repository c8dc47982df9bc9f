import { toCsv, type CsvCell } from '@comms-log/shared';

/**
 * Exports start with a UTF-8 byte-order mark so Excel opens Chinese text as UTF-8 instead of the system code
 * page. The CSV itself (RFC 4180) is written and read by `@comms-log/shared`'s toCsv and parseCsv.
 */
const BOM = '\uFEFF';

/** What Excel and WPS read as the start of a formula (a tab or CR before one is skipped by them too). */
const formulaStart = /^[=+\-@\t\r]/;
/** A signed number ("+3", "-2.5", "+12%") is data, not a formula: it is left as it is. */
const signedNumber = /^[+-]\d+(\.\d+)?%?$/;

/**
 * A cell as text a spreadsheet will not run: names and titles come from pages and people, and a cell such as
 * `=HYPERLINK(…)` or `@SUM(…)` would otherwise be a formula when the file is opened. It gets a leading `'`, which
 * Excel and WPS show and keep as text (docs/architecture.md "Security").
 */
export function csvSafeCell(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string' || !formulaStart.test(cell) || signedNumber.test(cell)) return cell;
  return `'${cell}`;
}

/** The document as Excel expects it: UTF-8 with a byte-order mark, no cell a formula. */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return (
    BOM +
    toCsv(
      header.map((h) => String(csvSafeCell(h))),
      rows.map((r) => r.map(csvSafeCell)),
    )
  );
}
