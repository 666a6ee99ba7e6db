import type { CrossYearFinding } from '../checks/cross-year.js';
import type { Result } from '../report/schemas.js';
import { FINDING_IDS } from '../report/schemas.js';
import { TABLE_LAYOUTS } from '../report/table-layout.js';
import { columnLabel, REVIEW_LITIGATION_CELLS, REVIEW_LITIGATION_ROW } from '../report/template.js';
import { cellValue } from '../checks/equations.js';
import { listFigures, type Figure } from '../checks/narrative/index.js';
import type { ColumnKind } from './parquet.js';

/** The template's row and column labels of every cell key (for the database's cell_keys table). */
export const CELL_LABELS: readonly { cell: string; table: string; row: string; column: string }[] = (() => {
  const labels = new Map<string, { cell: string; table: string; row: string; column: string }>();
  for (const layout of [TABLE_LAYOUTS['2021'], TABLE_LAYOUTS['2019']]) {
    for (const table of ['activeDisclosure', 'applications'] as const) {
      for (const row of layout[table]) {
        for (const column of row.columns) {
          const cell = `${table}.${row.path}.${column}`;
          if (!labels.has(cell)) labels.set(cell, { cell, table, row: row.label, column: columnLabel(table, `${row.path}.${column}`, column, row) });
        }
      }
    }
  }
  for (const cell of REVIEW_LITIGATION_CELLS) {
    labels.set(`reviewLitigation.${cell}`, { cell: `reviewLitigation.${cell}`, table: 'reviewLitigation', row: REVIEW_LITIGATION_ROW.label, column: columnLabel('reviewLitigation', cell, cell.split('.')[1]!) });
  }
  return [...labels.values()];
})();

/** The cell keys of both templates, 2021 first, as full dotted paths (the spec's keys). */
export const CELL_COLUMNS: readonly string[] = CELL_LABELS.map((label) => label.cell);

export const REPORT_BASE_COLUMNS = [
  'path',
  'sha256',
  'format',
  'template',
  'agency',
  'year',
  'narrative_provider',
  'narrative_model',
  'cost_usd',
  'findings_error',
  'findings_warning',
  'notices',
] as const;

export const REPORT_COLUMNS: readonly string[] = [
  ...REPORT_BASE_COLUMNS,
  ...CELL_COLUMNS,
  ...FINDING_IDS.map((id) => `findings.${id}`),
];

export type CellValue = string | number | null;

/** A report's findings by severity (reports.csv and the database's reports table). */
export function severityCounts(result: Result): { findings_error: number; findings_warning: number } {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  return { findings_error: errors, findings_warning: result.findings.length - errors };
}

/**
 * The codes of a report's notices, space-separated (empty when none): narrative-failed marks a
 * report whose tables are here but whose narrative the model did not give; truncated,
 * damaged-text and implausible-year say why its numbers deserve a second look.
 */
export function noticeCodes(result: Result): string {
  return result.notices.map((notice) => notice.code).join(' ');
}

/** One row of reports.csv: meta, every table cell by its key (empty = blank or another template's), finding counts. */
export function reportRow(result: Result): CellValue[] {
  const counts = new Map<string, number>();
  for (const finding of result.findings) counts.set(finding.id, (counts.get(finding.id) ?? 0) + 1);
  const base: Record<(typeof REPORT_BASE_COLUMNS)[number], CellValue> = {
    path: result.source.path,
    sha256: result.source.sha256,
    format: result.source.format,
    template: result.template.format,
    agency: result.meta.agency,
    year: result.meta.year,
    narrative_provider: result.narrative?.extractor.provider ?? null,
    narrative_model: result.narrative?.extractor.model ?? null,
    cost_usd: result.narrative?.usage.costUsd ?? null,
    ...severityCounts(result),
    notices: noticeCodes(result),
  };
  return [
    ...REPORT_BASE_COLUMNS.map((column) => base[column]),
    ...CELL_COLUMNS.map((path) => cellValue(result.tables, path) ?? null),
    ...FINDING_IDS.map((id) => counts.get(id) ?? 0),
  ];
}

export const FINDING_COLUMNS = [
  'report_path',
  'sha256',
  'agency',
  'year',
  'id',
  'severity',
  'path',
  'message',
  'expected',
  'actual',
  'difference',
  'suggestion',
  'cells',
  'spans',
] as const;

/** A cross-year finding as a findings.csv row: listed under the later report, the earlier one in `cells`. */
export function crossYearFindingRow(finding: CrossYearFinding): CellValue[] {
  return [finding.current.path, finding.current.sha256, finding.agency.current, finding.current.year, finding.id, finding.severity, finding.path, finding.message, finding.expected, finding.actual, finding.difference, null, `${finding.previous.path} (${finding.previous.year})`, ''];
}

/** Rows of findings.csv for one report: a finding per row; its cells as "path=value" list. */
export function findingRows(result: Result): CellValue[][] {
  return result.findings.map((finding) => [
    result.source.path,
    result.source.sha256,
    result.meta.agency,
    result.meta.year,
    finding.id,
    finding.severity,
    finding.path,
    finding.message,
    finding.expected,
    finding.actual,
    finding.difference,
    finding.suggestion ? `${finding.suggestion.path}=${finding.suggestion.value}` : null,
    finding.cells.map((cell) => `${cell.path}=${cell.value ?? ''}`).join('; '),
    finding.spans.map((span) => `${span.start}-${span.end}`).join('; '),
  ]);
}

/** Where a report sits in every export: the columns that name it. */
const REPORT_KEY_COLUMNS = ['report_path', 'sha256', 'agency', 'year'] as const;
const reportKey = (result: Result): CellValue[] => [result.source.path, result.source.sha256, result.meta.agency, result.meta.year];

/** The stated figures of the narrative, one per row (narrative.csv, the database's narrative_numbers). */
export const FIGURE_COLUMNS = ['path', 'topic', 'measure', 'platform_kind', 'platform_name', 'subject', 'period', 'approximate', 'is_part', 'value', 'quote', 'quote_year', 'grounded', 'span_start', 'span_end'] as const;

/** A stated figure's fields in FIGURE_COLUMNS order: what it counts, its value and its quote. */
export function figureFields(figure: Figure): CellValue[] {
  const { number } = figure;
  return [
    figure.path,
    figure.topic,
    figure.measure,
    figure.platform?.kind ?? null,
    figure.platform?.name ?? null,
    figure.subject,
    figure.period,
    figure.approximate ? 1 : 0,
    figure.isPart ? 1 : 0,
    number.value,
    number.quote,
    number.year,
    number.grounded ? 1 : 0,
    number.span?.start ?? null,
    number.span?.end ?? null,
  ];
}

export const NARRATIVE_COLUMNS: readonly string[] = [...REPORT_KEY_COLUMNS, 'provider', 'model', ...FIGURE_COLUMNS];

/** Rows of narrative.csv for one report: each figure the narrative states (none when it was not extracted). */
export function narrativeRows(result: Result): CellValue[][] {
  const narrative = result.narrative;
  if (!narrative) return [];
  return listFigures(narrative.facts).map((figure) => [...reportKey(result), narrative.extractor.provider, narrative.extractor.model, ...figureFields(figure)]);
}

export const NOTICE_COLUMNS: readonly string[] = [...REPORT_KEY_COLUMNS, 'code', 'message'];

/** Rows of notices.csv: what is said of the report as a whole (truncated, narrative-failed, an old template…). */
export function noticeRows(result: Result): CellValue[][] {
  return result.notices.map((notice) => [...reportKey(result), notice.code, notice.message]);
}

/** The cells in long form, one per row with its labels (cells.parquet; the database's cells_long view). */
export const CELL_ROW_COLUMNS: readonly string[] = [...REPORT_KEY_COLUMNS, 'cell', 'table_key', 'row_label', 'column_label', 'unit', 'value', 'raw', 'span_start', 'span_end', 'placement'];

/** The unit of a cell's value: the fee amounts of table 2 are in 万元, everything else is a count of 件. */
export function cellUnit(cell: string): string {
  return cell.endsWith('amountWanYuan') ? '万元' : '件';
}

/** The Parquet kinds of cells.parquet's columns: fixed, since the file is written as the results are read. */
export const CELL_ROW_KINDS: readonly ColumnKind[] = CELL_ROW_COLUMNS.map((column) => (column === 'value' ? 'real' : column === 'year' || column.startsWith('span_') ? 'integer' : 'text'));

const LABEL_OF_CELL = new Map(CELL_LABELS.map((label) => [label.cell, label]));

/** Rows of cells.parquet for one report: every cell of its template, blanks included (value null). */
export function cellRows(result: Result): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const cell of CELL_COLUMNS) {
    const value = cellValue(result.tables, cell);
    if (value === undefined) continue;
    const label = LABEL_OF_CELL.get(cell)!;
    const source = result.cells[cell];
    rows.push([...reportKey(result), cell, label.table, label.row, label.column, cellUnit(cell), value, source?.raw ?? null, source?.span.start ?? null, source?.span.end ?? null, source?.placement ?? null]);
  }
  return rows;
}

const REAL_COLUMNS = new Set(['cost_usd', 'expected', 'actual', 'difference']);
const INTEGER_COLUMNS = new Set(['year', 'findings_error', 'findings_warning', 'approximate', 'is_part', 'value', 'quote_year', 'grounded', 'span_start', 'span_end', 'previous_year', 'current_year']);
const CELL_COLUMN_SET = new Set(CELL_COLUMNS);

/**
 * The Parquet kind each column is declared with: amounts and differences are real numbers,
 * counts, years and flags whole numbers, the rest text. (A count printed with a fraction widens
 * its column to real in that export: see ColumnProfile.)
 */
export function columnKind(column: string): ColumnKind {
  if (REAL_COLUMNS.has(column) || column.endsWith('amountWanYuan')) return 'real';
  if (INTEGER_COLUMNS.has(column) || column.startsWith('findings.') || CELL_COLUMN_SET.has(column)) return 'integer';
  return 'text';
}
