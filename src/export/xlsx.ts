import type { CellValue } from './columns.js';

export type SheetSource = {
  readonly name: string;
  readonly columns: readonly string[];
  /** Rows, produced lazily: each sheet is streamed in turn, never held whole. */
  readonly rows: () => AsyncIterable<readonly CellValue[]>;
};

/**
 * An .xlsx workbook written by exceljs's streaming writer, one sheet after the other, so that a
 * run of 10 000 reports never holds a sheet in memory. Header row frozen, strings inline.
 */
export async function writeWorkbook(path: string, sheets: readonly SheetSource[]): Promise<void> {
  // exceljs takes half a second to load: only when a workbook is written.
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = worksheet.addRow([...sheet.columns]);
    header.font = { bold: true };
    header.commit();
    for await (const row of sheet.rows()) worksheet.addRow(row.map((value) => value ?? null)).commit();
    worksheet.commit();
  }
  await workbook.commit();
}
