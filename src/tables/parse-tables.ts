import type { SourceDocument } from '../ingest/source-document.js';
import type { CellSource, Section, Span, Tables } from '../report/schemas.js';
import { TABLE_LAYOUTS, type TableLayout } from '../report/table-layout.js';
import {
  columnLabel,
  REVIEW_LITIGATION_CELLS,
  REVIEW_LITIGATION_ROW,
  type RowTemplate,
  type TableKey,
} from '../report/template.js';
import { keysOf } from '../report/path-keys.js';
import { parseLabelledRows, type ParsedRow } from './parse-labelled-rows.js';
import { readRow, type RowRule, type ValueToken } from './read-row.js';
import { tokenizeGrids, tokenizeText, type Token } from './tokens.js';

/** How one standard table was read: every template row, found or not, and stray numbers. */
export type TableParse = {
  readonly key: TableKey;
  /** The section the table was looked for in; null when that section is missing. */
  readonly region: Span | null;
  readonly rows: readonly ParsedRow[];
  readonly leftovers: readonly Span[];
};

export type TablesParse = {
  readonly tables: Tables;
  readonly cells: Record<string, CellSource>;
  readonly parses: readonly TableParse[];
};

// 总计 = the six applicant columns (table 3); each outcome group's 总计 = its four outcomes (table 4).
const applicationRowRule: RowRule = (values) =>
  values.length === 7 && values[6] === values.slice(0, 6).reduce((sum, value) => sum + value, 0);
const reviewLitigationRule: RowRule = (values) =>
  [0, 5, 10].every((start) => values[start + 4] === values.slice(start, start + 4).reduce((sum, value) => sum + value, 0));

// The 2019 template's table 2: counts are whole and only 本年增/减 may be negative; the
// procurement amount alone may be a decimal. Glued digits are split only when these leave one reading.
function activeDisclosureRule(template: RowTemplate): RowRule | undefined {
  if (!template.signedColumns) return undefined;
  const signed = template.signedColumns;
  return (values) =>
    values.every((value, index) => {
      const column = template.columns[index]!;
      return (signed.includes(column) || value >= 0) && (column === 'amountYuan' || Number.isInteger(value));
    });
}

/** Reads the three standard tables out of their sections, in the keys of `layout`'s template. Pure. */
export function parseTables(
  document: SourceDocument,
  sections: readonly Section[],
  layout: TableLayout = TABLE_LAYOUTS['2021'],
): TablesParse {
  const regionOf = (key: TableKey) => sections.find((section) => section.key === key)?.span ?? null;
  const signed = layout.activeDisclosure.some((row) => (row.signedColumns?.length ?? 0) > 0);
  const parses: TableParse[] = [
    parseRowsTable(document, 'activeDisclosure', regionOf('activeDisclosure'), layout.activeDisclosure, activeDisclosureRule, signed),
    parseRowsTable(document, 'applications', regionOf('applications'), layout.applications, () => applicationRowRule),
    parseReviewLitigation(document, regionOf('reviewLitigation')),
  ];
  const cells: Record<string, CellSource> = {};
  const values = Object.fromEntries(
    parses.map((parse) => [parse.key, parse.region ? buildValues(parse, cells) : null]),
  ) as Tables;
  return { tables: values, cells, parses };
}

function tokensOf(document: SourceDocument, region: Span, signed = false): Token[] {
  const inRegion = document.grids.some((grid) => grid.span.start < region.end && grid.span.end > region.start);
  return inRegion
    ? tokenizeGrids(document.grids, region, document.text, { signed })
    : tokenizeText(document.text, region, { signed });
}

function parseRowsTable(
  document: SourceDocument,
  key: TableKey,
  region: Span | null,
  templates: readonly RowTemplate[],
  ruleFor: (template: RowTemplate) => RowRule | undefined,
  signed = false,
): TableParse {
  if (!region) return { key, region, rows: templates.map(notFound), leftovers: [] };
  const { rows, leftovers } = parseLabelledRows(tokensOf(document, region, signed), templates, ruleFor);
  return { key, region, rows: rows.map(withoutStrayMinus), leftovers };
}

function notFound(template: RowTemplate): ParsedRow {
  return { template, printedLabel: null, labelSpan: null, reading: null };
}

// Header words of table 4; its fifteen numbers follow them, on one row or (OCR and PDF copies)
// split into one small table per group with the group's header words in between.
const REVIEW_HEADER = /维持|纠正|审结|起诉|总计|复议|诉讼|结果|尚未|其他/;

function parseReviewLitigation(document: SourceDocument, region: Span | null): TableParse {
  const key = 'reviewLitigation';
  if (!region) return { key, region, rows: [notFound(REVIEW_LITIGATION_ROW)], leftovers: [] };
  const values = reviewLitigationValues(tokensOf(document, region));
  if (!values.some((value) => value.kind === 'number')) {
    return { key, region, rows: [notFound(REVIEW_LITIGATION_ROW)], leftovers: [] };
  }
  const reading = readRow(values, REVIEW_LITIGATION_CELLS.length, reviewLitigationRule);
  const row: ParsedRow = { template: REVIEW_LITIGATION_ROW, printedLabel: null, labelSpan: null, reading };
  return { key, region, rows: [row], leftovers: [] };
}

function reviewLitigationValues(tokens: readonly Token[]): ValueToken[] {
  let sawHeader = false;
  let values: ValueToken[] = [];
  const numbers = () => values.filter((value) => value.kind === 'number').length;
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (/^[#*>\s]+$/.test(token.text)) continue; // Markdown heading marks
      const isHeader = REVIEW_HEADER.test(token.text);
      if (numbers() === 0) values = [];
      else if (!isHeader || numbers() >= REVIEW_LITIGATION_CELLS.length) break;
      else values = values.filter((value) => value.kind === 'number');
      sawHeader ||= isHeader;
      continue;
    }
    if (sawHeader) values.push(token);
  }
  return values;
}

/** Nested value object of one table (nulls where nothing was read) and the cells' sources. */
function buildValues(parse: TableParse, cells: Record<string, CellSource>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const row of parse.rows) {
    const reading = row.reading && row.reading.kind !== 'ambiguous' ? row.reading : null;
    const descriptors = cellDescriptors(parse.key, row.template);
    for (let index = 0; index < descriptors.length; index += 1) {
      const descriptor = descriptors[index]!;
      const cell = reading?.cells[index];
      setPath(values, descriptor.keys, cell?.value ?? null);
      if (!cell || !reading) continue;
      cells[descriptor.fullPath] = {
        raw: cell.raw,
        span: cell.span,
        rowLabel: row.printedLabel ?? row.template.label,
        columnLabel: descriptor.columnLabel,
        placement: reading.kind === 'recovered' ? 'recovered' : 'printed',
      };
    }
  }
  return values;
}

// A minus sign printed in a column that cannot be negative makes the cell unreadable, not negative.
function withoutStrayMinus(row: ParsedRow): ParsedRow {
  const reading = row.reading;
  if (!reading || reading.kind === 'ambiguous' || reading.cells.every((cell) => cell.value === null || cell.value >= 0)) return row;
  const signed = row.template.signedColumns ?? [];
  const cells = reading.cells.map((cell, index) =>
    cell.value !== null && cell.value < 0 && !signed.includes(row.template.columns[index]!) ? { ...cell, value: null } : cell,
  );
  return { ...row, reading: { ...reading, cells } };
}

type CellDescriptor = { readonly keys: readonly string[]; readonly fullPath: string; readonly columnLabel: string };

// Templates are constants: describe each of their cells once, not once per report.
const descriptorCache = new WeakMap<RowTemplate, readonly CellDescriptor[]>();

function cellDescriptors(table: TableKey, template: RowTemplate): readonly CellDescriptor[] {
  let descriptors = descriptorCache.get(template);
  if (!descriptors) {
    descriptors = template.columns.map((column) => {
      const cellPath = [template.path, column].filter(Boolean).join('.');
      return { keys: keysOf(cellPath), fullPath: `${table}.${cellPath}`, columnLabel: columnLabel(table, cellPath, column, template) };
    });
    descriptorCache.set(template, descriptors);
  }
  return descriptors;
}

function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (let index = 0; index < keys.length - 1; index += 1) {
    const key = keys[index]!;
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}
