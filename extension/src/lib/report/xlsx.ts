import type { DocTable } from '@comms-log/shared';

/*
 * The report's tables as one workbook, a sheet per table (exceljs, loaded when asked for: it is large). Cells are
 * written as values, never formulas, so a name such as `=HYPERLINK(…)` stays text (docs/architecture.md "Security").
 */

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 28) || 'table';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** The workbook's bytes: each table a sheet named by its id, its columns in the first row. */
export async function tablesToXlsx(tables: readonly DocTable[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.id, used));
    sheet.addRow(table.columns);
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((_, i) => row[i] ?? ''));
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
