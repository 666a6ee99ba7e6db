import type { FindingCell, Tables } from '../report/schemas.js';
import { ACTIVE_DISCLOSURE_ROWS, APPLICATION_ROWS, columnLabel, REVIEW_LITIGATION_ROW, type TableKey } from '../report/template.js';
import type { CheckInput } from './check-input.js';
import { cellValue } from './equations.js';

const ROW_LABELS = new Map<string, string>([
  ...ACTIVE_DISCLOSURE_ROWS.map((row) => [`activeDisclosure.${row.path}`, row.label] as const),
  ...APPLICATION_ROWS.map((row) => [`applications.${row.path}`, row.label] as const),
]);

/** A cell as a finding shows it: the labels the report prints, its value and where it is. */
export function describeCell(input: Pick<CheckInput, 'tables' | 'cells'>, path: string): FindingCell {
  const source = input.cells[path];
  const [table, ...rest] = path.split('.') as [TableKey, ...string[]];
  const column = rest.at(-1) ?? '';
  const rowPath = `${table}.${rest.slice(0, -1).join('.')}`;
  return {
    path,
    rowLabel: source?.rowLabel ?? ROW_LABELS.get(rowPath) ?? REVIEW_LITIGATION_ROW.label,
    columnLabel: source?.columnLabel ?? columnLabel(table, rest.join('.'), column),
    value: cellValue(input.tables as Tables, path) ?? null,
    span: source?.span ?? null,
  };
}
