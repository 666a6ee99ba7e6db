// Hand-built inputs for the check tests: every check is a pure function of a CheckInput.
import {
  tablesSchema,
  type CellSource,
  type CellValue,
  type Section,
  type Span,
  type Tables,
} from '../../report/schemas.js';
import {
  ACTIVE_DISCLOSURE_ROWS,
  APPLICATION_ROWS,
  OUTCOME_COLUMNS,
  REVIEW_GROUPS,
  REVIEW_LITIGATION_CELLS,
  SECTION_KEYS,
  SECTION_TITLES,
  type RowTemplate,
  type SectionKey,
  type TableKey,
} from '../../report/template.js';
import type { CheckInput } from '../check-input.js';

export type TableParse = CheckInput['parses'][number];
export type ParsedRow = TableParse['rows'][number];
export type RowReading = NonNullable<ParsedRow['reading']>;

/** Table 4 is read as one printed row of fifteen cells. */
export const REVIEW_LITIGATION_TEMPLATE: RowTemplate = {
  path: '',
  label: '行政复议、行政诉讼',
  keys: [],
  columns: REVIEW_LITIGATION_CELLS,
};

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** The three tables with every cell 0, validated by the result schema. */
export function createZeroTables(): Tables {
  const tables: Record<string, Record<string, unknown>> = { activeDisclosure: {}, applications: {}, reviewLitigation: {} };
  for (const row of ACTIVE_DISCLOSURE_ROWS) for (const column of row.columns) setPath(tables.activeDisclosure!, `${row.path}.${column}`, 0);
  for (const row of APPLICATION_ROWS) for (const column of row.columns) setPath(tables.applications!, `${row.path}.${column}`, 0);
  for (const group of REVIEW_GROUPS) for (const column of OUTCOME_COLUMNS) setPath(tables.reviewLitigation!, `${group}.${column}`, 0);
  return tablesSchema.parse(tables);
}

/** A copy of `tables` with the given cells (full paths, e.g. "applications.granted.total") set. */
export function withCells(tables: Tables, cells: Readonly<Record<string, CellValue>>): Tables {
  const copy = structuredClone(tables) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(cells)) setPath(copy, path, value);
  return tablesSchema.parse(copy);
}

// Where the six headings are in fixtures/seed-004-lingwu-civil-affairs-2024/report.txt.
const SEED_004_SECTIONS: Record<SectionKey, readonly [number, number, number]> = {
  overview: [147, 153, 1748],
  activeDisclosure: [1748, 1760, 2022],
  applications: [2022, 2039, 3409],
  reviewLitigation: [3409, 3428, 3628],
  problems: [3628, 3642, 4104],
  otherMatters: [4104, 4115, 4434],
};

export function createSections(keys: readonly SectionKey[] = SECTION_KEYS): Section[] {
  return keys.map((key) => {
    const [start, headingEnd, end] = SEED_004_SECTIONS[key];
    return { key, heading: SECTION_TITLES[key], headingSpan: { start, end: headingEnd }, span: { start, end } };
  });
}

/** A row printed with one cell per column; null values are blanks. Spans are laid out from `at`. */
export function printedRow(template: RowTemplate, values: readonly CellValue[], at = 0): ParsedRow {
  const cells = values.map((value, index) => ({
    value,
    raw: value === null ? '' : String(value),
    span: { start: at + index * 4, end: at + index * 4 + (value === null ? 0 : String(value).length) },
  }));
  return { template, printedLabel: template.label, labelSpan: null, reading: { kind: 'printed', cells } };
}

export function notFoundRow(template: RowTemplate): ParsedRow {
  return { template, printedLabel: null, labelSpan: null, reading: null };
}

export function rowsOf(key: TableKey): readonly RowTemplate[] {
  if (key === 'activeDisclosure') return ACTIVE_DISCLOSURE_ROWS;
  if (key === 'applications') return APPLICATION_ROWS;
  return [REVIEW_LITIGATION_TEMPLATE];
}

/** A table parse where every template row was found and printed as zeros, unless replaced. */
export function createParse(
  key: TableKey,
  options: { region?: Span | null; replace?: Readonly<Record<string, ParsedRow>>; leftovers?: readonly Span[] } = {},
): TableParse {
  const region = options.region === undefined ? { start: 0, end: 1000 } : options.region;
  const rows = rowsOf(key).map(
    (template) => options.replace?.[template.path] ?? printedRow(template, template.columns.map(() => 0)),
  );
  return { key, region, rows, leftovers: options.leftovers ?? [] };
}

export function createCheckInput(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    format: '2021',
    sections: createSections(),
    tables: createZeroTables(),
    cells: {} as Record<string, CellSource>,
    parses: [createParse('activeDisclosure'), createParse('applications'), createParse('reviewLitigation')],
    language: 'zh',
    ...overrides,
  };
}
