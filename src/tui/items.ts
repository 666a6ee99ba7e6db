import type { Language } from '../checks/language.js';
import { rowCells, tableRowsOf } from '../checks/table-rows.js';
import { cellKey, findingKey, metaKey, narrativeKey, type Decision } from '../label/review.js';
import { numberLabel } from '../checks/narrative/number-label.js';
import { listNumbers } from '../report/map-numbers.js';
import type { CellSource, Finding, Result, Span } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';

/** Something in an open report a person can look at and decide about. */
export type Item =
  | { readonly kind: 'finding'; readonly key: string; readonly finding: Finding; readonly raised: boolean }
  | { readonly kind: 'number'; readonly key: string; readonly path: string; readonly label: string; readonly value: number; readonly quote: string; readonly span: Span | null; readonly grounded: boolean }
  | { readonly kind: 'meta'; readonly key: string; readonly label: string; readonly value: string | number | null };

/**
 * Findings first (what needs a look), then the stated numbers by what they count, then the
 * report's agency and year. Values are as read (an edit shows beside them); the findings are
 * those after the person's edits when given, the ones an edit raised marked.
 */
export function itemsOf(
  result: Result,
  options: { readonly language: Language; readonly findings?: readonly Finding[]; readonly raised?: ReadonlySet<string>; readonly metaLabels: { readonly agency: string; readonly year: string } },
): Item[] {
  const findings: Item[] = (options.findings ?? result.findings).map((finding) => ({ kind: 'finding', key: findingKey(finding), finding, raised: options.raised?.has(findingKey(finding)) ?? false }));
  const facts = result.narrative?.facts;
  const numbers: Item[] = facts
    ? listNumbers(facts).map(({ path, number }) => ({
        kind: 'number',
        key: narrativeKey(path),
        path,
        label: numberLabel(facts, path, options.language),
        value: number.value,
        quote: number.quote,
        span: number.span,
        grounded: number.grounded,
      }))
    : [];
  const meta: Item[] = [
    { kind: 'meta', key: metaKey('agency'), label: options.metaLabels.agency, value: result.meta.agency },
    { kind: 'meta', key: metaKey('year'), label: options.metaLabels.year, value: result.meta.year },
  ];
  return [...findings, ...numbers, ...meta];
}

/** A cell as the tables view shows it. */
export type ViewCell = {
  readonly key: string;
  readonly path: string;
  /** The printed labels of its row and column, as findings name them. */
  readonly rowLabel: string;
  readonly fullColumnLabel: string;
  /** The column label within its line (table 4's lines drop the group the line is named by). */
  readonly columnLabel: string;
  readonly value: number | null;
  readonly source: CellSource | null;
  /** Ids of the findings that name this cell. */
  readonly flags: readonly string[];
};

/** A line of the tables view: a printed row, or a third of table 4's fifteen cells. */
export type ViewRow = { readonly label: string; readonly tableNumber: number; readonly cells: readonly ViewCell[] };

/**
 * The report's tables, row by row: the values as read, every cell with the findings that flag it
 * in `findings` (the findings after the person's edits, so a cell an edit broke is marked).
 */
export function tableViewOf(result: Result, findings: readonly Finding[] = result.findings): ViewRow[] {
  const layout = tableLayoutOf(result.template.format);
  if (!layout) return [];
  const flags = new Map<string, string[]>();
  for (const finding of findings) {
    for (const cell of finding.cells) flags.set(cell.path, [...(flags.get(cell.path) ?? []), finding.id]);
  }
  return tableRowsOf(layout.format).flatMap((row) => {
    const cells = rowCells(row, result.tables, result.cells).map((cell) => ({
      key: cellKey(cell.path),
      path: cell.path,
      rowLabel: cell.source?.rowLabel ?? row.label,
      fullColumnLabel: cell.columnLabel,
      columnLabel: cell.columnLabel,
      value: cell.value,
      source: cell.source,
      flags: flags.get(cell.path) ?? [],
    }));
    if (cells.length <= 8) return [{ label: row.label, tableNumber: row.tableNumber, cells }];
    // Table 4's fifteen cells do not fit 80 columns: one line per group (行政复议, 行政诉讼/未经复议,
    // 行政诉讼/复议后起诉), named by its column labels up to the outcome.
    const groups = new Map<string, { label: string; cells: ViewCell[] }>();
    for (const cell of cells) {
      const group = cell.path.split('.')[1]!;
      const cut = cell.columnLabel.lastIndexOf('/');
      const entry = groups.get(group) ?? { label: cut === -1 ? group : cell.columnLabel.slice(0, cut), cells: [] };
      entry.cells.push({ ...cell, columnLabel: cell.columnLabel.slice(cut + 1) });
      groups.set(group, entry);
    }
    return [...groups.values()].map((group) => ({ label: group.label, tableNumber: row.tableNumber, cells: group.cells }));
  });
}

/** How a decision shows next to a value: ✓ confirmed, → new value, ⊘ dismissed. */
export function decisionMark(decision: Decision | undefined): string {
  if (!decision) return '';
  if (decision.kind === 'confirmed') return ' ✓';
  if (decision.kind === 'dismissed') return ' ⊘';
  return ` →${decision.value === null ? '空' : decision.value}`;
}
