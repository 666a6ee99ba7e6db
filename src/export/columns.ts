import type { CrossYearFinding } from '../checks/cross-year.js';
import type { Result } from '../report/schemas.js';
import { FINDING_IDS } from '../report/schemas.js';
import { TABLE_LAYOUTS } from '../report/table-layout.js';
import { columnLabel, REVIEW_LITIGATION_CELLS, REVIEW_LITIGATION_ROW } from '../report/template.js';
import { cellValue } from '../checks/equations.js';
import { listFigures, type Figure } from '../checks/narrative/index.js';

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
