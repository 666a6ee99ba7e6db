import type { FindingCell, Tables } from '../report/schemas.js';
import { TABLE_LAYOUTS, tableLayoutOf, type TableLayout } from '../report/table-layout.js';
import { columnLabel, REVIEW_LITIGATION_ROW, type RowTemplate, type TableKey } from '../report/template.js';
import type { CheckInput } from './check-input.js';
import { cellValue } from './equations.js';

function rowsByPath(layout: TableLayout): Map<string, RowTemplate> {
  return new Map([
    ...layout.activeDisclosure.map((row) => [`activeDisclosure.${row.path}`, row] as const),
    ...layout.applications.map((row) => [`applications.${row.path}`, row] as const),
  ]);
}

const ROWS = { '2021': rowsByPath(TABLE_LAYOUTS['2021']), '2019': rowsByPath(TABLE_LAYOUTS['2019']) };

/** A cell as a finding shows it: the labels the report prints, its value and where it is. */
export function describeCell(input: Pick<CheckInput, 'tables' | 'cells' | 'format'>, path: string): FindingCell {
  const source = input.cells[path];
  const [table, ...rest] = path.split('.') as [TableKey, ...string[]];
  const column = rest.at(-1) ?? '';
  const rowPath = `${table}.${rest.slice(0, -1).join('.')}`;
  const row = ROWS[tableLayoutOf(input.format)?.format ?? '2021'].get(rowPath);
  return {
    path,
    rowLabel: source?.rowLabel ?? row?.label ?? REVIEW_LITIGATION_ROW.label,
    columnLabel: source?.columnLabel ?? columnLabel(table, rest.join('.'), column, row),
    value: cellValue(input.tables as Tables, path) ?? null,
    span: source?.span ?? null,
  };
}
