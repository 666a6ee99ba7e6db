import type { Finding } from '../report/schemas.js';
import { REVIEW_GROUP_LABELS, TABLE_TITLES, type ReviewGroup, type TableKey } from '../report/template.js';
import type { CheckInput } from './check-input.js';
import { createFinding } from './create-finding.js';
import { describeCell } from './describe-cell.js';
import { pick } from './language.js';

function rowPathOf(table: string, rowPath: string): string {
  return rowPath ? `${table}.${rowPath}` : table;
}

/** table.missingCell: blank cells of a row that was read; one finding per row. */
export function checkMissingCells(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const parse of input.parses) {
    for (const row of parse.rows) {
      if (!row.reading || row.reading.kind === 'ambiguous') continue;
      const placed = row.reading.cells;
      const blanks = row.template.columns.filter((_, index) => placed[index]?.value === null);
      for (const [rowPath, columns] of groupByPrintedRow(row.template.path, blanks)) {
        findings.push(missingCellFinding(input, parse.key, rowPath, columns, row.printedLabel ?? row.template.label));
      }
    }
  }
  return findings;
}

// Table 4 prints its three groups on one line; a finding per group says which group is blank.
function groupByPrintedRow(rowPath: string, columns: readonly string[]): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const column of columns) {
    const path = rowPath || column.split('.')[0]!;
    rows.set(path, [...(rows.get(path) ?? []), column]);
  }
  return rows;
}

function missingCellFinding(
  input: CheckInput,
  table: TableKey,
  rowPath: string,
  columns: readonly string[],
  printedLabel: string,
): Finding {
  const isGroup = table === 'reviewLitigation';
  const cells = columns.map((column) => describeCell(input, [table, isGroup ? '' : rowPath, column].filter(Boolean).join('.')));
  const label = isGroup ? REVIEW_GROUP_LABELS[rowPath as ReviewGroup] : printedLabel;
  const names = cells.map((cell) => cell.columnLabel).join(pick(input.language, '、', ', '));
  return createFinding({
    id: 'table.missingCell',
    severity: 'warning',
    path: rowPathOf(table, rowPath),
    message: pick(
      input.language,
      `“${TABLE_TITLES[table]}”表“${label}”有 ${cells.length} 个单元格空白或无法识别（${names}）：不按 0 计`,
      `“${label}” in the ${table} table has ${cells.length} blank or unreadable cell(s) (${names}); not read as 0`,
    ),
    cells,
    spans: cells.flatMap((cell) => (cell.span ? [cell.span] : [])),
  });
}

/** table.ambiguousRow: a row whose columns cannot be placed with certainty; cells stay null. */
export function checkAmbiguousRows(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const parse of input.parses) {
    for (const row of parse.rows) {
      const reading = row.reading;
      if (!reading || reading.kind !== 'ambiguous') continue;
      const label = row.printedLabel ?? row.template.label;
      const candidates = reading.candidates.map((candidate) => candidate.map((value) => value ?? '空').join('/'));
      const cells = row.template.columns.map((column) => describeCell(input, [parse.key, row.template.path, column].filter(Boolean).join('.')));
      const why =
        reading.reason === 'several-readings'
          ? pick(input.language, `有 ${reading.candidates.length || '过多'} 种拆分都说得通`, `${reading.candidates.length || 'too many'} readings are possible`)
          : reading.reason === 'too-many-values'
            ? pick(input.language, '数字比单元格多', 'more numbers than cells')
            : pick(input.language, '没有一种拆分能满足行合计', 'no reading satisfies the row total');
      findings.push(
        createFinding({
          id: 'table.ambiguousRow',
          severity: 'warning',
          path: rowPathOf(parse.key, row.template.path),
          message:
            pick(
              input.language,
              `“${TABLE_TITLES[parse.key]}”表“${label}”行的数字无法确定地分到各列（${why}），该行保持空值`,
              `the numbers of “${label}” in the ${parse.key} table cannot be placed in columns with certainty (${why}); the row is left null`,
            ) +
            (candidates.length > 0 ? pick(input.language, `。候选读法：${candidates.join('；')}`, `. Candidates: ${candidates.join('; ')}`) : ''),
          cells,
          candidates: reading.candidates.map((candidate) => [...candidate]),
          spans: [reading.span],
        }),
      );
    }
  }
  return findings;
}
