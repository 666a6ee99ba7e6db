import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellValue } from './columns.js';
import { OutputFile } from './output-file.js';

export type SheetSource = {
  readonly name: string;
  readonly columns: readonly string[];
  /** Chinese titles printed above the keys (a second header row), for people who read the sheet. */
  readonly titles?: readonly string[];
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
  // The file's stream is ours: exceljs listens for its errors only once the workbook is committed,
  // and an error before that (a full disk) would end the process as an unheard 'error' event.
  const output = new OutputFile(path);
  const failed = new Promise<never>((_, reject) => output.stream.once('error', reject));
  failed.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output.stream, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const headerRows = sheet.titles ? 2 : 1;
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: headerRows }] });
    // Widths from the header and what the column holds (rows are streamed: they cannot be measured
    // first); a long title wraps rather than widening its column past 24.
    worksheet.columns = sheet.columns.map((column, index) => ({ width: Math.max(widthOf(column), Math.min(24, sizeOf(sheet.titles?.[index] ?? '') + 2)) }));
    // The filter sits on the last header row, the keys: sorting leaves the titles above in place.
    worksheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows, column: Math.max(1, sheet.columns.length) } };
    if (sheet.titles) {
      const titles = worksheet.addRow([...sheet.titles]);
      titles.font = { bold: true };
      titles.alignment = { wrapText: true, vertical: 'top' };
      titles.commit();
    }
    const header = worksheet.addRow([...sheet.columns]);
    header.font = sheet.titles ? { color: { argb: 'FF666666' } } : { bold: true };
    header.commit();
    let written = 0;
    for await (const row of sheet.rows()) {
      worksheet.addRow(row.map((value) => value ?? null)).commit();
      written += 1;
      if (written % 64 === 0) {
        output.check();
        await Promise.race([zipCaughtUp(worksheet), failed]);
      }
    }
    worksheet.commit();
  }
  output.check();
  // An error of the stream means its 'finish' never comes: commit() would wait for ever.
  await Promise.race([workbook.commit(), failed]);
}

// Columns of prose and paths are wide; keys as wide as they are long; numbers narrow.
const WIDE: Readonly<Record<string, number>> = { sha256: 16, message: 60, 含义: 60, quote: 50, path: 40, report_path: 40, cells: 40, 行: 36, 列: 24, agency: 24, previous_path: 40, current_path: 40 };

function widthOf(column: string): number {
  const wide = WIDE[column];
  if (wide) return wide;
  // A cell key ("applications.denied.stateSecret.total") needs its length.
  return Math.min(48, Math.max(8, sizeOf(column) + 2));
}

/** A text's width in Excel's columns: a Chinese character takes two. */
function sizeOf(text: string): number {
  return [...text].reduce((total, character) => total + (/[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1), 0);
}

/**
 * exceljs's sheet stream hands its buffers to the zip's compressor without waiting for it
 * (its StreamBuf ignores backpressure), so rows produced faster than they are deflated pile up
 * in memory: 70 MB of buffers for 10 000 reports. Waiting for the compressor's input to drain
 * keeps that to a few buffers. The stream, its `pipes` and the compressor's `_writableState` (it
 * is archiver's readable-stream 2, which has no `writableNeedDrain`) are internals: when they are
 * not there (another version), nothing is waited for and the workbook is still written.
 */
async function zipCaughtUp(worksheet: unknown): Promise<void> {
  type Compressor = Writable & { readonly _writableState?: { readonly needDrain?: boolean } };
  const destination = (worksheet as { stream?: { pipes?: readonly Compressor[] } }).stream?.pipes?.[0];
  if (destination && (destination.writableNeedDrain ?? destination._writableState?.needDrain)) await once(destination, 'drain');
}
