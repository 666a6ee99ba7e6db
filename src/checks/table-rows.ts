import type { CellSource, Tables } from '../report/schemas.js';
import { TABLE_LAYOUTS, type TableFormat } from '../report/table-layout.js';
import { columnLabel, REVIEW_LITIGATION_CELLS, REVIEW_LITIGATION_ROW, type TableKey } from '../report/template.js';
import { cellValue } from './equations.js';

/** One printed row of a table with its cells' full paths and the template's labels. */
export type TableRow = {
  readonly table: TableKey;
  /** "表二", "表三", "表四": how the report's sections name its tables. */
  readonly tableNumber: 2 | 3 | 4;
  readonly label: string;
  readonly cells: readonly { readonly path: string; readonly columnLabel: string }[];
};

const ROWS: Readonly<Record<TableFormat, readonly TableRow[]>> = {
  '2021': rowsOf('2021'),
  '2019': rowsOf('2019'),
};

/** Every row of tables 2–4 of a template, in printed order (table 4 is one row of fifteen cells). */
export function tableRowsOf(format: TableFormat): readonly TableRow[] {
  return ROWS[format];
}

/** A row's cells with the values read and the labels the report printed, where it printed them. */
export function rowCells(row: TableRow, tables: Tables, cells: Readonly<Record<string, CellSource>>) {
  return row.cells.map((cell) => {
    const source = cells[cell.path];
    return { path: cell.path, columnLabel: source?.columnLabel ?? cell.columnLabel, value: cellValue(tables, cell.path) ?? null, source: source ?? null };
  });
}

/** A row as the report's sections name it: "表三 一、本年新收政府信息公开申请数量". */
export function tableRowName(row: { readonly tableNumber: number; readonly label: string }): string {
  return `表${'二三四'[row.tableNumber - 2]} ${row.label}`;
}

/** A row's values after their column labels ("自然人 2，商业企业 0，…"), 空白 for a blank. */
export function rowValuesText(cells: readonly { readonly columnLabel: string; readonly value: number | null }[]): string {
  return cells.map((cell) => `${cell.columnLabel} ${cell.value ?? '空白'}`).join('，');
}

function rowsOf(format: TableFormat): TableRow[] {
  const layout = TABLE_LAYOUTS[format];
  const rows: TableRow[] = [];
  for (const [table, tableNumber] of [['activeDisclosure', 2], ['applications', 3]] as const) {
    for (const row of layout[table]) {
      rows.push({
        table,
        tableNumber,
        label: row.label,
        cells: row.columns.map((column) => ({ path: `${table}.${row.path}.${column}`, columnLabel: columnLabel(table, `${row.path}.${column}`, column, row) })),
      });
    }
  }
  rows.push({
    table: 'reviewLitigation',
    tableNumber: 4,
    label: REVIEW_LITIGATION_ROW.label,
    cells: REVIEW_LITIGATION_CELLS.map((cell) => ({ path: `reviewLitigation.${cell}`, columnLabel: columnLabel('reviewLitigation', cell, cell.split('.')[1]!) })),
  });
  return rows;
}
